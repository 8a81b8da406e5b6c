/** kubectl events' ordering and row cells (pkg/cmd/events/event_printer.go). */
import { translateTimestampSince } from '../../printers/human-duration.js';

/** The fields of a core/v1 Event the table reads. */
export interface CoreEvent {
  metadata?: {
    namespace?: string;
    name?: string;
    creationTimestamp?: string;
    resourceVersion?: string;
  };
  involvedObject?: { kind?: string; name?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
}

/** The time kubectl sorts by: series last seen, else lastTimestamp, else eventTime. */
export function eventTime(event: CoreEvent): number {
  const text = event.series?.lastObservedTime || event.lastTimestamp || event.eventTime || '';
  const at = Date.parse(text);
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/** Sorts oldest first, stably (Go's sort.Sort is not stable, but ties are rare). */
export function sortEvents<T extends CoreEvent>(events: T[]): T[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => eventTime(a.event) - eventTime(b.event) || a.index - b.index)
    .map((x) => x.event);
}

/** The LAST SEEN cell: `<age>` or `<age> (xN over <first>)`. */
export function interval(event: CoreEvent, now = Date.now()): string {
  const first = event.eventTime
    ? translateTimestampSince(event.eventTime, now)
    : translateTimestampSince(event.firstTimestamp ?? '', now);
  if (event.series)
    return `${translateTimestampSince(event.series.lastObservedTime ?? '', now)} (x${event.series.count ?? 0} over ${first})`;
  if ((event.count ?? 0) > 1)
    return `${translateTimestampSince(event.lastTimestamp ?? '', now)} (x${event.count ?? 0} over ${first})`;
  return first;
}

/** The cells of one row. */
export function eventCells(event: CoreEvent, allNamespaces: boolean, now = Date.now()): string[] {
  const cells = [
    interval(event, now),
    event.type ?? '',
    event.reason ?? '',
    `${event.involvedObject?.kind ?? ''}/${event.involvedObject?.name ?? ''}`,
    (event.message ?? '').trim(),
  ];
  return allNamespaces ? [event.metadata?.namespace ?? '', ...cells] : cells;
}

/** The header cells. */
export function eventHeader(allNamespaces: boolean): string[] {
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return allNamespaces ? ['NAMESPACE', ...header] : header;
}
