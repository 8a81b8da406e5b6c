import type { Infos, SelectOptions } from '../../resources/builder/index.js';
import {
  hasFilenames,
  rolloutResourceRequired,
  selectInfos,
} from '../../resources/builder/index.js';
import type { Factory } from '../../runtime/factory.js';

/**
 * The objects a rollout subcommand acts on: `TYPE NAME`, `TYPE/NAME`, or every object of a
 * type (kubectl's rollout accepts a bare type, and -l).
 */
export async function rolloutTargets(
  factory: Factory,
  args: readonly string[],
  flags: SelectOptions,
): Promise<Infos> {
  const { selector } = flags;
  if (hasFilenames(flags)) return selectInfos(factory, args, { ...flags, selector });
  if (args.length === 0) throw rolloutResourceRequired();
  const typeOnly = args.length === 1 && !(args[0] ?? '').includes('/');
  return selectInfos(factory, args, { selector, all: typeOnly && !selector });
}
