/** kubectl's Node describer; related.pods are its non-terminated pods, related.lease its Lease. */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, obj, rfc1123z, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline, taintsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';
import type { Quantity } from '../generators/quantity.js';
import {
  addQuantities,
  milliValue,
  podRequestsAndLimits,
  quantityOf,
  quantityText,
  ZERO_QUANTITY,
} from './quantities.js';

/** findNodeRoles: from node-role.kubernetes.io/<role> and kubernetes.io/role labels, sorted. */
export function nodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return [...roles].sort();
}

function percent(part: Quantity, whole: Quantity, milli: boolean): number {
  const total = milli ? milliValue(whole) : milliValue(whole) / 1000;
  if (total === 0) return 0;
  const value = milli ? milliValue(part) : milliValue(part) / 1000;
  return Math.trunc((value / total) * 100);
}

function podsSection(w: PrefixWriter, node: Obj, pods: Obj[], context: DescribeContext): void {
  const status = obj(node, 'status');
  const allocatable =
    Object.keys(obj(status, 'allocatable')).length > 0
      ? obj(status, 'allocatable')
      : obj(status, 'capacity');
  const cpuAll = quantityOf(allocatable, 'cpu');
  const memAll = quantityOf(allocatable, 'memory');
  const storageAll = quantityOf(allocatable, 'ephemeral-storage');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { requests: new Map<string, Quantity>(), limits: new Map<string, Quantity>() };
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [kind, map] of [
      ['requests', requests],
      ['limits', limits],
    ] as const)
      for (const [name, q] of map)
        totals[kind].set(name, addQuantities(totals[kind].get(name) ?? ZERO_QUANTITY, q));
    const cell = (q: Quantity | undefined, whole: Quantity, milli: boolean): string => {
      const value = q ?? ZERO_QUANTITY;
      return `${quantityText(value)} (${percent(value, whole, milli)}%)`;
    };
    const metadata = obj(pod, 'metadata');
    w.write(
      1,
      `${str(metadata, 'namespace')}\t${str(metadata, 'name')}\t\t${cell(requests.get('cpu'), cpuAll, true)}\t${cell(limits.get('cpu'), cpuAll, true)}\t${cell(requests.get('memory'), memAll, false)}\t${cell(limits.get('memory'), memAll, false)}\t${context.age(metadata['creationTimestamp'])}\n`,
    );
  }
  w.write(
    0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const [name, whole, milli] of [
    ['cpu', cpuAll, true],
    ['memory', memAll, false],
    ['ephemeral-storage', storageAll, false],
  ] as const) {
    const req = totals.requests.get(name) ?? ZERO_QUANTITY;
    const lim = totals.limits.get(name) ?? ZERO_QUANTITY;
    w.write(
      1,
      `${name}\t${quantityText(req)} (${percent(req, whole, milli)}%)\t${quantityText(lim)} (${percent(lim, whole, milli)}%)\n`,
    );
  }
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  const hugePages = Object.keys(allocatable)
    .filter((r) => r.startsWith('hugepages-'))
    .sort();
  const extended = Object.keys(allocatable)
    .filter((r) => !r.startsWith('hugepages-') && !standard.has(r) && r.includes('/'))
    .sort();
  for (const name of [...hugePages, ...extended]) {
    const req = totals.requests.get(name) ?? ZERO_QUANTITY;
    const lim = totals.limits.get(name) ?? ZERO_QUANTITY;
    if (hugePages.includes(name)) {
      const whole = quantityOf(allocatable, name);
      w.write(
        1,
        `${name}\t${quantityText(req)} (${percent(req, whole, false)}%)\t${quantityText(lim)} (${percent(lim, whole, false)}%)\n`,
      );
    } else w.write(1, `${name}\t${quantityText(req)}\t${quantityText(lim)}\n`);
  }
}

function header(w: PrefixWriter, node: Obj, context: DescribeContext): void {
  const metadata = obj(node, 'metadata');
  const spec = obj(node, 'spec');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  const roles = nodeRoles(strMap(metadata, 'labels'));
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  w.write(0, `CreationTimestamp:\t${rfc1123z(str(metadata, 'creationTimestamp'))}\n`);
  taintsMultiline(w, 'Taints', arr(spec, 'taints'));
  w.write(0, `Unschedulable:\t${spec['unschedulable'] === true}\n`);
  const lease = obj(context.related['lease']?.[0], 'spec');
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${str(lease, 'holderIdentity') || '<unset>'}\n`);
  w.write(
    1,
    `AcquireTime:\t${lease['acquireTime'] ? rfc1123z(str(lease, 'acquireTime')) : '<unset>'}\n`,
  );
  w.write(1, `RenewTime:\t${lease['renewTime'] ? rfc1123z(str(lease, 'renewTime')) : '<unset>'}\n`);
}

/** describeNode. */
export function describeNode(node: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = obj(node, 'spec');
  const status = obj(node, 'status');
  header(w, node, context);
  const conditions = arr(status, 'conditions');
  if (conditions.length > 0) {
    w.write(
      0,
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
    );
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions)
      w.write(
        1,
        `${str(c, 'type')} \t${str(c, 'status')} \t${rfc1123z(str(c, 'lastHeartbeatTime'))} \t${rfc1123z(str(c, 'lastTransitionTime'))} \t${str(c, 'reason')} \t${str(c, 'message')}\n`,
      );
  }
  w.write(0, 'Addresses:\n');
  for (const a of arr(status, 'addresses'))
    w.write(1, `${str(a, 'type')}:\t${str(a, 'address')}\n`);
  for (const [key, title] of [
    ['capacity', 'Capacity'],
    ['allocatable', 'Allocatable'],
  ] as const) {
    const list = obj(status, key);
    if (Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const name of Object.keys(list).sort())
      w.write(0, `  ${name}:\t${quantityText(quantityOf(list, name))}\n`);
  }
  const info = obj(status, 'nodeInfo');
  w.write(0, 'System Info:\n');
  for (const [key, title] of [
    ['machineID', 'Machine ID'],
    ['systemUUID', 'System UUID'],
    ['bootID', 'Boot ID'],
    ['kernelVersion', 'Kernel Version'],
    ['osImage', 'OS Image'],
    ['operatingSystem', 'Operating System'],
    ['architecture', 'Architecture'],
    ['containerRuntimeVersion', 'Container Runtime Version'],
    ['kubeletVersion', 'Kubelet Version'],
    ['kubeProxyVersion', 'Kube-Proxy Version'],
  ])
    w.write(0, `  ${title}:\t${str(info, key ?? '')}\n`);
  if (str(spec, 'podCIDR')) w.write(0, `PodCIDR:\t${str(spec, 'podCIDR')}\n`);
  const cidrs = (spec['podCIDRs'] as string[] | undefined) ?? [];
  if (cidrs.length > 0) w.write(0, `PodCIDRs:\t${cidrs.join(',')}\n`);
  if (str(spec, 'providerID')) w.write(0, `ProviderID:\t${str(spec, 'providerID')}\n`);
  const pods = context.related['pods'];
  if (pods) podsSection(w, node, pods, context);
  else w.write(0, 'Pods:\tnot authorized\n');
  maybeEvents(w, context);
  return w.text();
}
