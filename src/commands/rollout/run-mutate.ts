/**
 * `ktl rollout restart|pause|resume`: strategic merge patches on the workload, with kubectl's
 * per-object errors (`deployments.apps "web" is already paused`) and output verbs.
 */
import { objectPath } from '../../resources/resource-ref.js';
import type { ResourceMapping } from '../../discovery/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../factory.js';
import { dryRunStrategy } from '../create/output.js';
import { failWithErrors, PrefixedError } from '../label/errors-out.js';
import { ResultPrinter } from '../label/print-result.js';
import { rolloutTargets } from './targets.js';

/** Which change to make. */
export type Mutation = 'restart' | 'pause' | 'resume';

/** The flags the three share. */
export interface MutateFlags {
  selector?: string;
  dryRun?: string | boolean;
  fieldManager?: string;
  output?: string;
}

const VERBS: Record<Mutation, string> = {
  restart: 'restarted',
  pause: 'paused',
  resume: 'resumed',
};
const GERUNDS: Record<Mutation, string> = {
  restart: 'restarting',
  pause: 'pausing',
  resume: 'resuming',
};

/** Go's time.Now().Format(time.RFC3339) in the local zone. */
export function rfc3339Now(now = new Date()): string {
  const offset = -now.getTimezoneOffset();
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  const zone = `${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${offset > 0 ? '+' : '-'}${zone}`;
}

/** The patch for one object, or the reason kubectl refuses it. */
export function mutationPatch(
  mutation: Mutation,
  mapping: ResourceMapping,
  object: KubeObject,
): Record<string, unknown> {
  const groupResource =
    mapping.group === '' ? mapping.resource : `${mapping.resource}.${mapping.group}`;
  const fail = (why: string): never => {
    throw new PrefixedError(
      `${groupResource} ${JSON.stringify(object.metadata?.name ?? '')} ${why}`,
    );
  };
  const kind = mapping.group === 'apps' ? mapping.kind : '';
  const paused = (object['spec'] as { paused?: boolean } | undefined)?.paused === true;
  if (mutation === 'restart') {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(kind))
      fail(`${GERUNDS[mutation]} is not supported`);
    if (kind === 'Deployment' && paused)
      fail("can't restart paused deployment (run rollout resume first)");
    const annotations = { 'kubectl.kubernetes.io/restartedAt': rfc3339Now() };
    return { spec: { template: { metadata: { annotations } } } };
  }
  if (kind !== 'Deployment') fail(`${GERUNDS[mutation]} is not supported`);
  if (mutation === 'pause' && paused) fail('is already paused');
  if (mutation === 'resume' && !paused) fail('is not paused');
  return { spec: { paused: mutation === 'pause' ? true : null } };
}

/** Runs one of the three over the arguments. */
export async function runMutate(
  factory: Factory,
  mutation: Mutation,
  args: string[],
  flags: MutateFlags,
): Promise<void> {
  const dryRun = dryRunStrategy(flags.dryRun, (t) => factory.streams.err.write(t));
  const targets = await rolloutTargets(factory, args, flags);
  const printer = new ResultPrinter(factory.streams.out, flags.output, dryRun);
  const errors = [...targets.errors];
  const client = await factory.client();
  for (const target of targets.objects) {
    try {
      const patch = mutationPatch(mutation, target.mapping, target.object);
      let result = target.object;
      if (dryRun !== 'client')
        result = await client.json<KubeObject>({
          method: 'PATCH',
          path: objectPath(target.mapping, target.name, target.namespace),
          contentType: 'application/strategic-merge-patch+json',
          body: JSON.stringify(patch),
          query: {
            dryRun: dryRun === 'server' ? 'All' : undefined,
            fieldManager: flags.fieldManager || undefined,
          },
        });
      await printer.print(target.mapping, result, VERBS[mutation]);
    } catch (error) {
      errors.push(error as Error);
    }
  }
  failWithErrors(factory, errors);
}
