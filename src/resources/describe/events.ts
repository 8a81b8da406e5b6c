/** kubectl's DescribeEvents: the Events table (after a flush), or `Events:\t<none>`. */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { num, obj, str } from './fields.js';
import type { PrefixWriter } from './prefix-writer.js';

function lastTimestamp(event: Obj): number {
  const at = Date.parse(str(event, 'lastTimestamp'));
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/** The Age cell: `<age>` or `<age> (xN over <first>)`. */
export function eventInterval(event: Obj, age: DescribeContext['age']): string {
  const first = event['eventTime'] ? age(event['eventTime']) : age(event['firstTimestamp']);
  if (event['series']) {
    const series = obj(event, 'series');
    return `${age(series['lastObservedTime'])} (x${num(series, 'count')} over ${first})`;
  }
  if (num(event, 'count') > 1)
    return `${age(event['lastTimestamp'])} (x${num(event, 'count')} over ${first})`;
  return first;
}

/** Writes the Events section. */
export function describeEvents(w: PrefixWriter, events: Obj[], age: DescribeContext['age']): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => lastTimestamp(a.event) - lastTimestamp(b.event) || a.index - b.index)
    .map((x) => x.event);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = str(obj(e, 'source'), 'component') || str(e, 'reportingComponent');
    w.write(
      1,
      `${str(e, 'type')}\t${str(e, 'reason')}\t${eventInterval(e, age)}\t${source}\t${str(e, 'message').trim()}\n`,
    );
  }
}

/** Writes the events when the context has them. */
export function maybeEvents(w: PrefixWriter, context: DescribeContext): void {
  if (context.events) describeEvents(w, context.events, context.age);
}
