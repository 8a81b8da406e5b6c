/** kubectl's DaemonSet describer (describeDaemonSet). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { num, obj, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { describePodTemplate } from './pod-template.js';
import { PrefixWriter } from './prefix-writer.js';
import { formatLabels, selectorText } from './selectors.js';
import { podStatusCounts } from './workloads.js';

const COUNTS: Array<[string, string]> = [
  ['Desired Number of Nodes Scheduled', 'desiredNumberScheduled'],
  ['Current Number of Nodes Scheduled', 'currentNumberScheduled'],
  ['Number of Nodes Scheduled with Up-to-date Pods', 'updatedNumberScheduled'],
  ['Number of Nodes Scheduled with Available Pods', 'numberAvailable'],
  ['Number of Nodes Misscheduled', 'numberMisscheduled'],
];

/** The DaemonSet describer; related.pods are the pods it controls. */
export function describeDaemonSet(daemon: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(daemon, 'metadata');
  const spec = obj(daemon, 'spec');
  const status = obj(daemon, 'status');
  const template = obj(spec, 'template');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  w.write(0, `Selector:\t${selectorText(obj(spec, 'selector'))}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(strMap(obj(template, 'spec'), 'nodeSelector'))}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  for (const [title, key] of COUNTS) w.write(0, `${title}: ${num(status, key)}\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(context.related['pods'])}\n`);
  describePodTemplate(template, w);
  maybeEvents(w, context);
  return w.text();
}
