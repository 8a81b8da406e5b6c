/**
 * `ktl cordon` / `ktl uncordon`: set or clear spec.unschedulable with a strategic merge patch,
 * as kubectl's drain.CordonHelper does, and report `node/x cordoned` or `already cordoned`.
 */
import { UsageError } from '../../errors/errors.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import type { Factory } from '../../runtime/factory.js';
import { resolveNodes } from './node-targets.js';
import type { NodeTarget } from './node-targets.js';

export interface CordonFlags {
  selector?: string;
  dryRun?: string | boolean;
}

type DryRun = ReturnType<typeof dryRunStrategy>;

function suffix(dryRun: DryRun): string {
  if (dryRun === 'client') return ' (dry run)';
  if (dryRun === 'server') return ' (server dry run)';
  return '';
}

/** Checks kubectl makes before any request (drain.go's Complete). */
export function checkCordonArgs(
  verb: string,
  args: readonly string[],
  selector: string | undefined,
  commandPath: string,
): void {
  const hasSelector = selector !== undefined && selector !== '';
  if (args.length === 0 && !hasSelector) {
    throw new UsageError(`USAGE: ${verb} NODE [flags]`, commandPath);
  }
  if (args.length > 0 && hasSelector) {
    throw new UsageError('cannot specify both a node name and a --selector option', commandPath);
  }
}

/** Patches one node unless it is already as wanted; returns what kubectl prints for it. */
export async function setUnschedulable(
  factory: Factory,
  target: NodeTarget,
  desired: boolean,
  dryRun: DryRun,
): Promise<'already' | 'changed'> {
  if ((target.node.spec?.unschedulable ?? false) === desired) return 'already';
  if (dryRun === 'client') return 'changed';
  const client = await factory.client();
  await client.json({
    method: 'PATCH',
    path: `/api/v1/nodes/${encodeURIComponent(target.node.metadata?.name ?? '')}`,
    contentType: 'application/strategic-merge-patch+json',
    // clearing the field is what kubectl's two-way merge patch of `false` (omitempty) sends
    body: JSON.stringify({ spec: { unschedulable: desired ? true : null } }),
    query: { dryRun: dryRun === 'server' ? 'All' : undefined },
  });
  return 'changed';
}

/** Runs `cordon` (desired = true) or `uncordon` (desired = false). */
export async function runCordon(
  factory: Factory,
  args: string[],
  flags: CordonFlags,
  desired: boolean,
): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  checkCordonArgs(verb, args, flags.selector, factory.commandPath);
  const dryRun = dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text));
  const targets = await resolveNodes(factory, args, flags.selector);
  for (const target of targets) {
    const outcome = await setUnschedulable(factory, target, desired, dryRun);
    const done = `${verb}ed`;
    const name = `node/${target.node.metadata?.name ?? ''}`;
    const what = outcome === 'already' ? `already ${done}` : done;
    factory.streams.out.write(`${name} ${what}${suffix(dryRun)}\n`);
  }
}
