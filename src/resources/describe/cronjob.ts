/** kubectl's CronJob describer (describeCronJob, describeJobTemplate, printActiveJobs). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, obj, rfc1123z, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { isSet } from './job.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { describePodTemplate } from './pod-template.js';
import { PrefixWriter } from './prefix-writer.js';
import { selectorText } from './selectors.js';

function orUnset(value: unknown, suffix = ''): string {
  return isSet(value) ? `${String(value)}${suffix}` : '<unset>';
}

/** printBoolPtr: True / False / `<unset>`. */
function boolPtr(value: unknown): string {
  return isSet(value) ? (value === true ? 'True' : 'False') : '<unset>';
}

function describeJobTemplate(template: Obj, w: PrefixWriter): void {
  const spec = obj(template, 'spec');
  const selector = isSet(spec['selector']) ? selectorText(obj(spec, 'selector')) : '<unset>';
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Parallelism:\t${orUnset(spec['parallelism'])}\n`);
  w.write(0, `Completions:\t${orUnset(spec['completions'])}\n`);
  if (isSet(spec['activeDeadlineSeconds']))
    w.write(0, `Active Deadline Seconds:\t${String(spec['activeDeadlineSeconds'])}s\n`);
  describePodTemplate(obj(spec, 'template'), w);
}

/** The CronJob describer. */
export function describeCronJob(cronJob: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(cronJob, 'metadata');
  const spec = obj(cronJob, 'spec');
  const status = obj(cronJob, 'status');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  w.write(0, `Schedule:\t${str(spec, 'schedule')}\n`);
  w.write(0, `Concurrency Policy:\t${str(spec, 'concurrencyPolicy')}\n`);
  w.write(0, `Suspend:\t${boolPtr(spec['suspend'])}\n`);
  w.write(0, `Successful Job History Limit:\t${orUnset(spec['successfulJobsHistoryLimit'])}\n`);
  w.write(0, `Failed Job History Limit:\t${orUnset(spec['failedJobsHistoryLimit'])}\n`);
  w.write(0, `Starting Deadline Seconds:\t${orUnset(spec['startingDeadlineSeconds'], 's')}\n`);
  describeJobTemplate(obj(spec, 'jobTemplate'), w);
  const last = str(status, 'lastScheduleTime');
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = arr(status, 'active').map((ref) => str(ref, 'name'));
  w.write(0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.join(', ')}\n`);
  maybeEvents(w, context);
  return w.text();
}
