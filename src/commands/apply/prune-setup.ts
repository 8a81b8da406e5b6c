/**
 * The checks kubectl makes on the selection flags before anything is applied (ToOptions parses
 * --prune-allowlist, then Validate), and the allow-list the prune step will use.
 */
import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import type { PruneMappings, PruneResource } from '../../runtime/apply/prune-resources.js';
import {
  DEFAULT_LIST_WARNING,
  DEFAULT_PRUNE_RESOURCES,
  parseAllowlist,
  pruneMappings,
} from '../../runtime/apply/prune-resources.js';
import { klogLine } from '../../util/klog.js';

/** The allow-listed kinds (undefined: kubectl's default list), after kubectl's flag checks. */
export async function checkSelectionFlags(
  factory: Factory,
  options: ApplyOptions,
): Promise<PruneResource[] | undefined> {
  let allowlist: PruneResource[] | undefined;
  if (options.prune && options.pruneAllowlist.length > 0)
    allowlist = await parseAllowlist(await factory.restMapper(), options.pruneAllowlist);
  if (options.all && options.selector !== '')
    throw new PlainError('cannot set --all and --selector at the same time');
  if (!options.prune) return undefined;
  if (!options.all && options.selector === '')
    throw new PlainError(
      'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
    );
  // kubectl prunes after a server-side apply only with --applyset (alpha, KUBECTL_APPLYSET=true);
  // with the allow-list pruner it refuses, and so does ktl.
  if (options.serverSide)
    throw new PlainError(
      "--prune is in alpha and doesn't currently work on objects created by server-side apply",
    );
  return allowlist;
}

/**
 * The mappings to prune. With the default list kubectl logs its deprecation warning (klog,
 * prune.go:71) every time: its namespace is never empty, so it always counts as specified.
 */
export async function resolvePruneMappings(
  factory: Factory,
  allowlist: PruneResource[] | undefined,
): Promise<PruneMappings> {
  if (!allowlist) factory.streams.err.write(klogLine('W', 'prune.go:71', DEFAULT_LIST_WARNING));
  return pruneMappings(await factory.restMapper(), allowlist ?? DEFAULT_PRUNE_RESOURCES);
}
