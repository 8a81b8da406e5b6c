/** kubectl's PersistentVolumeClaim describer (describePersistentVolumeClaim, getPodsForPVC). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, goList, obj, rfc1123z, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';
import { quantityOf, quantityText } from './quantities.js';

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName. */
export function claimClass(pvc: Obj): string {
  const annotations = strMap(obj(pvc, 'metadata'), 'annotations');
  const beta = annotations['volume.beta.kubernetes.io/storage-class'];
  return beta ?? str(obj(pvc, 'spec'), 'storageClassName');
}

const MODES: Array<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** storageutil.GetAccessModesAsString: `RWO,ROX,...` in a fixed order. */
export function accessModesText(modes: unknown): string {
  const present = new Set(Array.isArray(modes) ? modes.map(String) : []);
  return MODES.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** getPodsForPVC: the pods that mount the claim (once per volume), then owner pods not yet listed. */
export function podsUsingClaim(pvc: Obj, namespacePods: Obj[]): Obj[] {
  const name = str(obj(pvc, 'metadata'), 'name');
  const uid = (pod: Obj): string => str(obj(pod, 'metadata'), 'uid');
  const pods: Obj[] = [];
  for (const pod of namespacePods)
    for (const volume of arr(obj(pod, 'spec'), 'volumes'))
      if (
        volume['persistentVolumeClaim'] &&
        str(obj(volume, 'persistentVolumeClaim'), 'claimName') === name
      )
        pods.push(pod);
  for (const ref of arr(obj(pvc, 'metadata'), 'ownerReferences')) {
    if (str(ref, 'kind') !== 'Pod') continue;
    const owner = namespacePods.find((pod) => uid(pod) === str(ref, 'uid'));
    if (owner && !pods.some((pod) => uid(pod) === uid(owner))) pods.push(owner);
  }
  return pods;
}

function usedBy(w: PrefixWriter, pods: Obj[]): void {
  const names = pods.map((pod) => str(obj(pod, 'metadata'), 'name')).sort();
  w.write(0, 'Used By:\t');
  if (names.length === 0) w.write(0, '<none>\n');
  names.forEach((name, i) => w.write(0, `${i === 0 ? '' : '\t'}${name}\n`));
}

function conditions(w: PrefixWriter, status: Obj): void {
  const list = arr(status, 'conditions');
  if (list.length === 0) return;
  w.write(0, 'Conditions:\n');
  w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of list)
    w.write(
      1,
      `${str(c, 'type')} \t${str(c, 'status')} \t${rfc1123z(str(c, 'lastProbeTime'))} \t${rfc1123z(str(c, 'lastTransitionTime'))} \t${str(c, 'reason')} \t${str(c, 'message')}\n`,
    );
}

function storageLines(w: PrefixWriter, pvc: Obj): void {
  const spec = obj(pvc, 'spec');
  const status = obj(pvc, 'status');
  const bound = str(spec, 'volumeName') !== '';
  const capacity = bound ? quantityText(quantityOf(obj(status, 'capacity'), 'storage')) : '';
  w.write(0, `Capacity:\t${capacity}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesText(status['accessModes']) : ''}\n`);
  if (str(spec, 'volumeMode')) w.write(0, `VolumeMode:\t${str(spec, 'volumeMode')}\n`);
  if (spec['dataSource']) {
    const source = obj(spec, 'dataSource');
    w.write(0, 'DataSource:\n');
    if (source['apiGroup'] !== undefined && source['apiGroup'] !== null)
      w.write(1, `APIGroup:\t${str(source, 'apiGroup')}\n`);
    w.write(1, `Kind:\t${str(source, 'kind')}\n`);
    w.write(1, `Name:\t${str(source, 'name')}\n`);
  }
}

/** The PVC describer; related.pods are all pods of its namespace (those using it are picked here). */
export function describePersistentVolumeClaim(pvc: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(pvc, 'metadata');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  w.write(0, `StorageClass:\t${claimClass(pvc)}\n`);
  const deleted = str(metadata, 'deletionTimestamp');
  const phase = str(obj(pvc, 'status'), 'phase');
  w.write(0, `Status:\t${deleted ? `Terminating (lasts ${context.age(deleted)})` : phase}\n`);
  w.write(0, `Volume:\t${str(obj(pvc, 'spec'), 'volumeName')}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  w.write(0, `Finalizers:\t${goList(metadata['finalizers'])}\n`);
  storageLines(w, pvc);
  usedBy(w, podsUsingClaim(pvc, context.related['pods'] ?? []));
  conditions(w, obj(pvc, 'status'));
  maybeEvents(w, context);
  return w.text();
}
