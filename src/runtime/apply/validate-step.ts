import { PlainError } from '../../errors/errors.js';
import {
  formatValidationProblem,
  validateManifests,
} from '../../resources/validation/validate-manifests.js';
import type { Factory } from '../factory.js';
import type { ApplyOptions } from './apply-options.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import type { SchemaSource } from '../schema-source.js';

/**
 * Client-side validation before anything is written. Under strict every problem is listed and
 * the run stops (nothing applied); under warn the problems are printed as warnings.
 */
export async function validateBeforeApply(
  factory: Factory,
  planned: ManifestInfo[],
  schemas: SchemaSource,
  mode: ApplyOptions['validate'],
): Promise<void> {
  if (mode === 'ignore') return;
  const manifests = planned.map((p) => p.manifest);
  const problems = await validateManifests(manifests, (gvk) => schemas.schemaFor(gvk));
  if (problems.length === 0) return;
  const err = factory.streams.err;
  const prefix = mode === 'warn' ? 'Warning: ' : '';
  for (const problem of problems) err.write(`${prefix}${formatValidationProblem(problem)}\n`);
  if (mode === 'warn') return;
  const objects = new Set(problems.map((p) => p.manifest)).size;
  throw new PlainError(
    `validation failed: ${problems.length} ${plural(problems.length, 'problem')} in ${objects} ${plural(objects, 'object')}; nothing was applied (to send them anyway, use --validate=warn or --validate=false)`,
  );
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
