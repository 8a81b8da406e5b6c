/**
 * `ktl rollout undo`: restores a Deployment's template from the ReplicaSet of the chosen (or
 * previous) revision with kubectl's JSON patch; a DaemonSet or StatefulSet gets its
 * ControllerRevision's data as a strategic merge patch.
 */
import type { FetchedInfo } from '../../resources/builder/index.js';
import { PlainError, failWithErrors } from '../../errors/errors.js';
import { deepEqual } from '../../resources/patch/json-value.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { Factory } from '../../runtime/factory.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import { ResultPrinter } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import type { Revision } from './revisions.js';
import { revisionsOf } from './revisions.js';
import { rolloutTargets } from './targets.js';
import { intFlag } from '../../runtime/flag-values.js';

/** The flags of `rollout undo`. */
export interface UndoFlags extends PrintFlagValues {
  toRevision: string;
  selector?: string;
  dryRun?: string | boolean;
}

const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** Runs `ktl rollout undo`. */
export async function runUndo(factory: Factory, args: string[], flags: UndoFlags): Promise<void> {
  const toRevision = intFlag('--to-revision', flags.toRevision, factory.commandPath);
  const dryRun = dryRunStrategy(flags.dryRun, (t) => factory.streams.err.write(t));
  const targets = await rolloutTargets(factory, args, flags);
  const printer = new ResultPrinter(factory.streams.out, flags, dryRun);
  const errors = [...targets.errors];
  for (const target of targets.objects) {
    try {
      const verb = await undoOne(factory, target, toRevision, dryRun !== 'none');
      await printer.print(target.mapping, target.object, verb);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(errors);
}

function chooseRevision(revisions: Revision[], toRevision: number, name: string): Revision {
  if (toRevision > 0) {
    const found = revisions.find((r) => r.revision === toRevision);
    if (!found) throw new PlainError(`unable to find specified revision ${toRevision} in history`);
    return found;
  }
  const previous = revisions[revisions.length - 2];
  if (!previous) throw new PlainError(`no rollout history found for deployment "${name}"`);
  return previous;
}

function withoutHash(template: Record<string, unknown>): Record<string, unknown> {
  const metadata = { ...((template['metadata'] as Record<string, unknown> | undefined) ?? {}) };
  const labels = { ...((metadata['labels'] as Record<string, string> | undefined) ?? {}) };
  delete labels['pod-template-hash'];
  metadata['labels'] = labels;
  const copy: Record<string, unknown> = { ...template, metadata };
  delete copy['$patch'];
  return copy;
}

async function undoOne(
  factory: Factory,
  target: FetchedInfo,
  toRevision: number,
  dryRun: boolean,
): Promise<string> {
  const { kind } = target.mapping;
  const revisions = await revisionsOf(factory, target);
  if (!revisions)
    throw new PlainError(
      `error retrieving rollbacker for "${kind}", no visitor method exists for { ${kind}}`,
    );
  const spec = (target.object['spec'] ?? {}) as {
    paused?: boolean;
    template?: Record<string, unknown>;
  };
  if (kind === 'Deployment' && spec.paused)
    throw new PlainError(
      "you cannot rollback a paused deployment; resume it first with 'ktl rollout resume' and try again",
    );
  const chosen = chooseRevision(revisions, toRevision, target.name);
  const template = withoutHash(chosen.template);
  if (deepEqual(template, withoutHash(spec.template ?? {})))
    return `skipped rollback (current template already matches revision ${chosen.revision})`;
  if (dryRun) return 'rolled back';
  const client = await factory.client();
  const path = objectPath(target.mapping, target.name, target.namespace);
  if (kind === 'Deployment') {
    const annotations: Record<string, string> = {};
    const current = target.object.metadata?.annotations ?? {};
    for (const key of SKIPPED_ANNOTATIONS)
      if (current[key] !== undefined) annotations[key] = current[key];
    for (const [key, value] of Object.entries(chosen.source.metadata?.annotations ?? {}))
      if (!SKIPPED_ANNOTATIONS.has(key)) annotations[key] = value;
    const patch = [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    await client.json({
      method: 'PATCH',
      path,
      contentType: 'application/json-patch+json',
      body: JSON.stringify(patch),
    });
  } else {
    const body = JSON.stringify(chosen.source['data'] ?? {});
    await client.json({
      method: 'PATCH',
      path,
      contentType: 'application/strategic-merge-patch+json',
      body,
    });
  }
  return 'rolled back';
}
