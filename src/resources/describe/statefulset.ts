/** kubectl's StatefulSet describer (describeStatefulSet, describeVolumeClaimTemplates). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, goList, num, obj, rfc1123z, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { isSet } from './job.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { describePodTemplate } from './pod-template.js';
import { PrefixWriter } from './prefix-writer.js';
import { quantityOf, quantityText } from './quantities.js';
import { selectorText } from './selectors.js';
import { podStatusCounts } from './workloads.js';
import { claimClass } from './pvc.js';

function describeVolumeClaimTemplates(templates: Obj[], w: PrefixWriter): void {
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    const metadata = obj(pvc, 'metadata');
    const spec = obj(pvc, 'spec');
    w.write(1, `Name:\t${str(metadata, 'name')}\n`);
    w.write(1, `StorageClass:\t${claimClass(pvc)}\n`);
    labelsMultiline(w, 'Labels', strMap(metadata, 'labels'), '  ');
    labelsMultiline(w, 'Annotations', strMap(metadata, 'annotations'), '  ');
    const requests = obj(obj(spec, 'resources'), 'requests');
    const capacity = isSet(requests['storage'])
      ? quantityText(quantityOf(requests, 'storage'))
      : '<default>';
    w.write(1, `Capacity:\t${capacity}\n`);
    w.write(1, `Access Modes:\t${goList(spec['accessModes'])}\n`);
  }
}

function updateStrategy(w: PrefixWriter, strategy: Obj): void {
  w.write(0, `Update Strategy:\t${str(strategy, 'type')}\n`);
  const rolling = strategy['rollingUpdate'];
  if (!isSet(rolling) || !isSet(obj(rolling)['partition'])) return;
  const ru = obj(rolling);
  w.write(1, `Partition:\t${String(ru['partition'])}\n`);
  if (isSet(ru['maxUnavailable'])) w.write(1, `MaxUnavailable:\t${String(ru['maxUnavailable'])}\n`);
}

/** The StatefulSet describer; related.pods are the pods it controls. */
export function describeStatefulSet(set: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(set, 'metadata');
  const spec = obj(set, 'spec');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(str(metadata, 'creationTimestamp'))}\n`);
  w.write(0, `Selector:\t${selectorText(obj(spec, 'selector'))}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  w.write(
    0,
    `Replicas:\t${num(spec, 'replicas')} desired | ${num(obj(set, 'status'), 'replicas')} total\n`,
  );
  updateStrategy(w, obj(spec, 'updateStrategy'));
  w.write(0, `Pods Status:\t${podStatusCounts(context.related['pods'])}\n`);
  describePodTemplate(obj(spec, 'template'), w);
  describeVolumeClaimTemplates(arr(spec, 'volumeClaimTemplates'), w);
  maybeEvents(w, context);
  return w.text();
}
