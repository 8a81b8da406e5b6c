import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../factory.js';
import type { Targets } from '../label/targets.js';
import { resolveTargets } from '../label/targets.js';

/**
 * The objects a rollout subcommand acts on: `TYPE NAME`, `TYPE/NAME`, or every object of a
 * type (kubectl's rollout accepts a bare type, and -l).
 */
export async function rolloutTargets(
  factory: Factory,
  args: readonly string[],
  selector?: string,
): Promise<Targets> {
  if (args.length === 0) throw new PlainError('required resource not specified');
  const typeOnly = args.length === 1 && !(args[0] ?? '').includes('/');
  return resolveTargets(factory, args, { selector, all: typeOnly && !selector });
}
