import { writeFileSync } from 'node:fs';
import { PlainError, UsageError } from '../../errors/errors.js';
import { emitYamlDocument } from '../../printers/yaml/emit.js';
import type { LoadRestrictor } from '../../resources/kustomize/index.js';
import { buildKustomization, KustomizeError } from '../../resources/kustomize/index.js';
import type { IOStreams } from '../../util/io-streams.js';

function truthy(value: boolean | string | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  return /^(1|t|T|TRUE|true|True)$/.test(value);
}

/** Builds DIR and prints the objects as kubectl kustomize does (sorted keys, `---` between). */
export async function runKustomize(
  streams: IOStreams,
  dir: string,
  flags: KustomizeFlags,
  commandPath: string,
): Promise<void> {
  if (truthy(flags.enableHelm))
    throw new PlainError(
      'ktl kustomize does not inflate Helm charts (--enable-helm): render the chart with `helm template` and list its output under resources',
    );
  if (truthy(flags.enableAlphaPlugins))
    throw new PlainError(
      'ktl kustomize does not run kustomize plugins (--enable-alpha-plugins): exec and container KRM functions are not supported',
    );
  const restrictor = flags.loadRestrictor ?? 'LoadRestrictionsRootOnly';
  if (restrictor !== 'LoadRestrictionsRootOnly' && restrictor !== 'LoadRestrictionsNone')
    throw new UsageError(
      `illegal flag value --load-restrictor ${restrictor}; legal values: [LoadRestrictionsNone LoadRestrictionsRootOnly]`,
      commandPath,
    );
  if (flags.reorder !== undefined) {
    streams.err.write(
      "Flag --reorder has been deprecated, use the new 'sortOptions' field in kustomization.yaml instead.\n",
    );
    if (flags.reorder !== 'legacy' && flags.reorder !== 'none')
      throw new PlainError(
        `illegal flag value --reorder ${flags.reorder}; legal values: [legacy none]`,
      );
  }
  let result;
  try {
    result = buildKustomization(dir, {
      loadRestrictor: restrictor as LoadRestrictor,
      ...(flags.reorder === 'legacy' || flags.reorder === 'none' ? { reorder: flags.reorder } : {}),
    });
  } catch (error) {
    // kustomize prints its warnings as it meets them, before it fails
    if (error instanceof KustomizeError)
      for (const warning of error.warnings) streams.err.write(`${warning}\n`);
    throw error;
  }
  for (const warning of result.warnings) streams.err.write(`${warning}\n`);
  const text = result.objects.map((o) => emitYamlDocument(o)).join('---\n');
  if (flags.output) writeFileSync(flags.output, text);
  else streams.out.write(text);
}

/** The flags of `ktl kustomize` as commander hands them over. */
export interface KustomizeFlags {
  output?: string;
  reorder?: string;
  loadRestrictor?: string;
  enableAlphaPlugins?: boolean | string;
  enableHelm?: boolean | string;
  env?: string[];
  mount?: string[];
  network?: boolean | string;
}
