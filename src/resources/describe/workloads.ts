/** kubectl's Deployment and ReplicaSet describers. */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, num, obj, rfc1123z, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { describePodTemplate } from './pod-template.js';
import { writeControlledHead } from './head.js';
import { PrefixWriter } from './prefix-writer.js';
import { selectorText } from './selectors.js';

function replicaSetsText(sets: Obj[]): string {
  const text = sets
    .map(
      (rs) =>
        `${str(obj(rs, 'metadata'), 'name')} (${num(obj(rs, 'status'), 'replicas')}/${num(obj(rs, 'spec'), 'replicas')} replicas created)`,
    )
    .join(', ');
  return text === '' ? '<none>' : text;
}

function revision(object: Obj): string {
  return strMap(obj(object, 'metadata'), 'annotations')['deployment.kubernetes.io/revision'] ?? '';
}

/** The Deployment describer; related.replicaSets are the ReplicaSets it controls. */
export function describeDeployment(d: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(d, 'metadata');
  const spec = obj(d, 'spec');
  const status = obj(d, 'status');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(str(metadata, 'creationTimestamp'))}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  w.write(0, `Selector:\t${selectorText(obj(spec, 'selector'))}\n`);
  w.write(
    0,
    `Replicas:\t${num(spec, 'replicas')} desired | ${num(status, 'updatedReplicas')} updated | ${num(status, 'replicas')} total | ${num(status, 'availableReplicas')} available | ${num(status, 'unavailableReplicas')} unavailable\n`,
  );
  const strategy = obj(spec, 'strategy');
  w.write(0, `StrategyType:\t${str(strategy, 'type')}\n`);
  w.write(0, `MinReadySeconds:\t${num(spec, 'minReadySeconds')}\n`);
  if (strategy['rollingUpdate']) {
    const ru = obj(strategy, 'rollingUpdate');
    w.write(
      0,
      `RollingUpdateStrategy:\t${str(ru, 'maxUnavailable') || '0'} max unavailable, ${str(ru, 'maxSurge') || '0'} max surge\n`,
    );
  }
  describePodTemplate(obj(spec, 'template'), w);
  const conditions = arr(status, 'conditions');
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions)
      w.write(1, `${str(c, 'type')} \t${str(c, 'status')}\t${str(c, 'reason')}\n`);
  }
  const sets = context.related['replicaSets'];
  if (sets) {
    const current = revision(d);
    const newest = sets.filter((rs) => revision(rs) === current && current !== '');
    const old = sets.filter((rs) => !newest.includes(rs));
    w.write(0, `OldReplicaSets:\t${replicaSetsText(old)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newest)}\n`);
  }
  maybeEvents(w, context);
  return w.text();
}

/** `N Running / N Waiting / N Succeeded / N Failed` of the pods the selector matches. */
export function podStatusCounts(pods: Obj[] | undefined): string {
  const count = (phase: string): number =>
    (pods ?? []).filter((p) => str(obj(p, 'status'), 'phase') === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

/** The ReplicaSet describer; related.pods are the pods its selector matches. */
export function describeReplicaSet(rs: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = obj(rs, 'spec');
  const status = obj(rs, 'status');
  writeControlledHead(w, rs);
  w.write(0, `Replicas:\t${num(status, 'replicas')} current / ${num(spec, 'replicas')} desired\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(context.related['pods'])}\n`);
  describePodTemplate(obj(spec, 'template'), w);
  const conditions = arr(status, 'conditions');
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions)
      w.write(1, `${str(c, 'type')} \t${str(c, 'status')}\t${str(c, 'reason')}\n`);
  }
  maybeEvents(w, context);
  return w.text();
}
