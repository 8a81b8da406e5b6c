/** `ktl cp <file-spec-src> <file-spec-dest>` (kubectl's CopyOptions.Run). */
import { PlainError } from '../../errors/errors.js';
import { intFlag } from '../../runtime/flag-values.js';
import type { Factory } from '../../runtime/factory.js';
import { copyFromPod } from './copy-from-pod.js';
import { copyToPod } from './copy-to-pod.js';
import { parseFileSpec } from './file-spec.js';

/** The flags of `ktl cp`. */
export interface CpFlags {
  container?: string;
  /** commander's name for --no-preserve (false when given). */
  preserve?: boolean;
  retries?: string;
}

export async function runCp(
  factory: Factory,
  args: readonly string[],
  flags: CpFlags,
): Promise<void> {
  // a Go int: any negative value retries forever
  const maxTries =
    flags.retries === undefined ? 0 : intFlag('--retries', flags.retries, factory.commandPath);
  const { namespace } = await factory.namespace();
  if (args.length !== 2) throw new PlainError('source and destination are required');
  const src = parseFileSpec(args[0] ?? '');
  const dest = parseFileSpec(args[1] ?? '');
  if (src.podName && dest.podName)
    throw new PlainError('one of src or dest must be a local file specification');
  if (src.file === '' || dest.file === '') throw new PlainError('filepath can not be empty');
  const container = flags.container ?? '';
  if (src.podName) return copyFromPod(factory, src, dest, { namespace, container, maxTries });
  if (dest.podName)
    return copyToPod(factory, src, dest, {
      namespace,
      container,
      noPreserve: flags.preserve === false,
    });
  throw new PlainError('one of src or dest must be a remote file specification');
}
