/** kubectl's DescribePodTemplate (Deployments, ReplicaSets, Jobs, rollout history). */
import type { PrefixWriter } from './prefix-writer.js';
import type { Obj } from './fields.js';
import { arr, obj, str, strMap } from './fields.js';
import { describeContainers } from './containers.js';
import { describeVolumes } from './volumes.js';
import { describeTopologySpread } from './topology.js';
import { annotationsMultiline, labelsMultiline, tolerationsMultiline } from './multiline.js';

/** Writes the `Pod Template:` section. */
export function describePodTemplate(template: Obj, w: PrefixWriter): void {
  w.write(0, 'Pod Template:\n');
  const metadata = obj(template, 'metadata');
  const spec = obj(template, 'spec');
  labelsMultiline(w, '  Labels', strMap(metadata, 'labels'));
  if (Object.keys(strMap(metadata, 'annotations')).length > 0)
    annotationsMultiline(w, '  Annotations', strMap(metadata, 'annotations'));
  if (str(spec, 'serviceAccountName'))
    w.write(1, `Service Account:\t${str(spec, 'serviceAccountName')}\n`);
  if (arr(spec, 'initContainers').length > 0)
    describeContainers(w, 'Init Containers', arr(spec, 'initContainers'), undefined, '  ');
  describeContainers(w, 'Containers', arr(spec, 'containers'), undefined, '  ');
  describeVolumes(w, arr(spec, 'volumes'), '  ');
  describeTopologySpread(w, spec, '  ');
  if (str(spec, 'priorityClassName'))
    w.write(1, `Priority Class Name:\t${str(spec, 'priorityClassName')}\n`);
  labelsMultiline(w, '  Node-Selectors', strMap(spec, 'nodeSelector'));
  tolerationsMultiline(w, '  Tolerations', arr(spec, 'tolerations'));
}
