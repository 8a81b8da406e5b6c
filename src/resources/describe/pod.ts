/** kubectl's Pod describer (describePod). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, num, obj, rfc1123z, str, strMap } from './fields.js';
import { describeContainers, describeResources } from './containers.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline, tolerationsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';
import { describeTopologySpread } from './topology.js';
import { describeVolumes } from './volumes.js';

/** `Kind/name` of the controller owner reference, or ''. */
export function controllerOf(metadata: Obj): string {
  const ref = arr(metadata, 'ownerReferences').find((r) => r['controller'] === true);
  return ref ? `${str(ref, 'kind')}/${str(ref, 'name')}` : '';
}

function header(w: PrefixWriter, pod: Obj, context: DescribeContext): void {
  const metadata = obj(pod, 'metadata');
  const spec = obj(pod, 'spec');
  const status = obj(pod, 'status');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  if (spec['priority'] !== undefined) w.write(0, `Priority:\t${num(spec, 'priority')}\n`);
  if (str(spec, 'priorityClassName'))
    w.write(0, `Priority Class Name:\t${str(spec, 'priorityClassName')}\n`);
  if (str(spec, 'runtimeClassName'))
    w.write(0, `Runtime Class Name:\t${str(spec, 'runtimeClassName')}\n`);
  if (str(spec, 'serviceAccountName'))
    w.write(0, `Service Account:\t${str(spec, 'serviceAccountName')}\n`);
  w.write(
    0,
    str(spec, 'nodeName')
      ? `Node:\t${str(spec, 'nodeName')}/${str(status, 'hostIP')}\n`
      : 'Node:\t<none>\n',
  );
  if (status['startTime']) w.write(0, `Start Time:\t${rfc1123z(str(status, 'startTime'))}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  const phase = str(status, 'phase');
  if (metadata['deletionTimestamp'] && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${context.age(metadata['deletionTimestamp'])})\n`);
    w.write(0, `Termination Grace Period:\t${num(metadata, 'deletionGracePeriodSeconds')}s\n`);
  } else w.write(0, `Status:\t${phase}\n`);
  if (str(status, 'reason')) w.write(0, `Reason:\t${str(status, 'reason')}\n`);
  if (str(status, 'message')) w.write(0, `Message:\t${str(status, 'message')}\n`);
  const seccomp = obj(obj(spec, 'securityContext'), 'seccompProfile');
  if (str(seccomp, 'type')) {
    w.write(0, `SeccompProfile:\t${str(seccomp, 'type')}\n`);
    if (str(seccomp, 'type') === 'Localhost')
      w.write(0, `LocalhostProfile:\t${str(seccomp, 'localhostProfile')}\n`);
  }
  w.write(0, `IP:\t${str(status, 'podIP')}\n`);
  const ips = arr(status, 'podIPs');
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${str(ip, 'ip')}\n`);
  }
  const controller = controllerOf(metadata);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (str(status, 'nominatedNodeName'))
    w.write(0, `NominatedNodeName:\t${str(status, 'nominatedNodeName')}\n`);
  if (spec['resources']) {
    w.write(0, 'Resources:\n');
    describeResources(w, obj(spec, 'resources'), 1);
  }
}

function conditions(w: PrefixWriter, pod: Obj): void {
  const spec = obj(pod, 'spec');
  const status = obj(pod, 'status');
  const gates = arr(spec, 'readinessGates');
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of gates) {
      const type = str(gate, 'conditionType');
      const found = arr(status, 'conditions').find((c) => str(c, 'type') === type);
      w.write(1, `${type} \t${found ? str(found, 'status') : '<none>'} \n`);
    }
  }
  const list = arr(status, 'conditions');
  if (list.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of list) w.write(1, `${str(c, 'type')} \t${str(c, 'status')} \n`);
  }
}

/** describePod. */
export function describePod(pod: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = obj(pod, 'spec');
  const status = obj(pod, 'status');
  header(w, pod, context);
  if (arr(spec, 'initContainers').length > 0)
    describeContainers(
      w,
      'Init Containers',
      arr(spec, 'initContainers'),
      arr(status, 'initContainerStatuses'),
      '',
    );
  describeContainers(
    w,
    'Containers',
    arr(spec, 'containers'),
    arr(status, 'containerStatuses'),
    '',
  );
  if (arr(spec, 'ephemeralContainers').length > 0)
    describeContainers(
      w,
      'Ephemeral Containers',
      arr(spec, 'ephemeralContainers'),
      arr(status, 'ephemeralContainerStatuses'),
      '',
    );
  conditions(w, pod);
  describeVolumes(w, arr(spec, 'volumes'), '');
  w.write(0, `QoS Class:\t${str(status, 'qosClass')}\n`);
  labelsMultiline(w, 'Node-Selectors', strMap(spec, 'nodeSelector'));
  tolerationsMultiline(w, 'Tolerations', arr(spec, 'tolerations'));
  describeTopologySpread(w, spec, '');
  maybeEvents(w, context);
  return w.text();
}
