/** kubectl's Job describer (describeJob). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { obj, rfc1123z, str } from './fields.js';
import { maybeEvents } from './events.js';
import { describePodTemplate } from './pod-template.js';
import { writeControlledHead } from './head.js';
import { PrefixWriter } from './prefix-writer.js';

/** Whether a pointer field is set (present and not null). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** capIndexesListOrNone: the list cut after the first comma past the soft limit. */
export function capIndexes(indexes: string, softLimit = 50): string {
  if (indexes === '') return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

function podsStatuses(status: Obj): string {
  const [active, succeeded, failed] = ['active', 'succeeded', 'failed'].map((k) =>
    String(status[k] ?? 0),
  );
  const ready = isSet(status['ready']) ? ` (${String(status['ready'])} Ready)` : '';
  return `${active} Active${ready} / ${succeeded} Succeeded / ${failed} Failed`;
}

function specLines(w: PrefixWriter, spec: Obj): void {
  if (isSet(spec['parallelism'])) w.write(0, `Parallelism:\t${String(spec['parallelism'])}\n`);
  w.write(
    0,
    `Completions:\t${isSet(spec['completions']) ? String(spec['completions']) : '<unset>'}\n`,
  );
  if (isSet(spec['completionMode']))
    w.write(0, `Completion Mode:\t${str(spec, 'completionMode')}\n`);
  if (isSet(spec['suspend'])) w.write(0, `Suspend:\t${String(spec['suspend'])}\n`);
  if (isSet(spec['backoffLimit'])) w.write(0, `Backoff Limit:\t${String(spec['backoffLimit'])}\n`);
  if (isSet(spec['ttlSecondsAfterFinished']))
    w.write(0, `TTL Seconds After Finished:\t${String(spec['ttlSecondsAfterFinished'])}\n`);
}

function timeLines(w: PrefixWriter, spec: Obj, status: Obj, context: DescribeContext): void {
  const start = str(status, 'startTime');
  const done = str(status, 'completionTime');
  if (start) w.write(0, `Start Time:\t${rfc1123z(start)}\n`);
  if (done) w.write(0, `Completed At:\t${rfc1123z(done)}\n`);
  if (start && done) {
    const ms = Date.parse(done) - Date.parse(start);
    w.write(0, `Duration:\t${context.duration?.(ms) ?? `${Math.trunc(ms / 1000)}s`}\n`);
  }
  if (isSet(spec['activeDeadlineSeconds']))
    w.write(0, `Active Deadline Seconds:\t${String(spec['activeDeadlineSeconds'])}s\n`);
}

/** The Job describer. */
export function describeJob(job: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = obj(job, 'spec');
  const status = obj(job, 'status');
  writeControlledHead(w, job);
  specLines(w, spec);
  timeLines(w, spec, status, context);
  w.write(0, `Pods Statuses:\t${podsStatuses(status)}\n`);
  if (str(spec, 'completionMode') === 'Indexed')
    w.write(0, `Completed Indexes:\t${capIndexes(str(status, 'completedIndexes'))}\n`);
  describePodTemplate(obj(spec, 'template'), w);
  maybeEvents(w, context);
  return w.text();
}
