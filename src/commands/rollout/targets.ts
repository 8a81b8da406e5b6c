import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import type { FileSelect } from '../label/file-targets.js';
import { hasFilenames } from '../label/file-targets.js';
import type { Targets } from '../label/targets.js';
import { resolveTargets } from '../label/targets.js';

/**
 * The objects a rollout subcommand acts on: `TYPE NAME`, `TYPE/NAME`, or every object of a
 * type (kubectl's rollout accepts a bare type, and -l).
 */
export async function rolloutTargets(
  factory: Factory,
  args: readonly string[],
  flags: FileSelect & { selector?: string },
): Promise<Targets> {
  const { selector } = flags;
  if (hasFilenames(flags)) return resolveTargets(factory, args, { ...flags, selector });
  if (args.length === 0) throw new PlainError('required resource not specified');
  const typeOnly = args.length === 1 && !(args[0] ?? '').includes('/');
  return resolveTargets(factory, args, { selector, all: typeOnly && !selector });
}
