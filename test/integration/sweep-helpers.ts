/**
 * Helpers of the side-by-side sweep: the same command through kubectl (in one twin namespace)
 * and ktl (in the other), with -n last so that usage errors name the command as kubectl does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../helpers/cluster.js';
import { isolatedHome, ktl, kubectl } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { assertSame, maskVolatile } from './verbs-helpers.js';

/** Replaced by each twin's namespace in arguments and input files. */
export const NS = '@NS@';

/** Writes a manifest for each twin (NS replaced); returns the two paths by twin. */
export function twinFiles(pair: Twins, name: string, text: string): Twins {
  const dir = isolatedHome();
  const path = (ns: string): string => {
    const file = join(dir, `${ns}-${name}`);
    writeFileSync(file, text.replaceAll(NS, ns));
    return file;
  };
  return { mine: path(pair.mine), theirs: path(pair.theirs) };
}

/** Runs `args` (NS and FILE replaced per twin) with kubectl then ktl and compares. */
export async function sweep(
  pair: Twins,
  args: string[],
  file?: Twins,
  normalise: (text: string) => string = (t) => t,
): Promise<RunResult> {
  const fill = (ns: string, path: string | undefined): string[] =>
    [...args, '-n', ns].map((a) => a.replaceAll(NS, ns).replaceAll('FILE', path ?? 'FILE'));
  const theirs = await kubectl(fill(pair.theirs, file?.theirs));
  const mine = await ktl(fill(pair.mine, file?.mine));
  const mask = (text: string): string =>
    normalise(
      maskVolatile(
        text
          .replaceAll(file?.theirs ?? '\0', 'FILE')
          .replaceAll(file?.mine ?? '\0', 'FILE')
          .replaceAll(pair.theirs, 'NS')
          .replaceAll(pair.mine, 'NS'),
      ),
    );
  assertSame(mine, theirs, args.join(' '), mask);
  return mine;
}
