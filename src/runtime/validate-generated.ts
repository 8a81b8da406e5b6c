/**
 * Generated objects (create, run, expose, autoscale) are checked against the server's OpenAPI
 * v3 schema before they are sent, with apply's validator and wording. The schema comes from the
 * server or the disk cache; with neither (an offline --dry-run=client) the check is skipped.
 */
import { PlainError } from '../errors/errors.js';
import type { KubeObject } from '../resources/kube-object.js';
import { formatFieldPath, objectLabel } from '../resources/manifest/manifest-types.js';
import { validateManifests } from '../resources/validation/validate-manifests.js';
import type { Factory } from './factory.js';
import { validationDirective } from './mutation-flags.js';

/**
 * Validates under --validate: strict (the default) stops with every problem listed, warn prints
 * them as warnings, ignore skips the check.
 */
export async function validateGenerated(
  factory: Factory,
  object: KubeObject,
  validate: string | boolean | undefined,
): Promise<void> {
  const mode = validationDirective(validate);
  if (mode === 'Ignore') return;
  const schemas = factory.schemas();
  const source = { file: '', document: 1, itemPath: [], positions: new Map() };
  const problems = await validateManifests([{ object, source }], (gvk) => schemas.schemaFor(gvk));
  if (problems.length === 0) return;
  const label = objectLabel(object);
  const prefix = mode === 'Warn' ? 'Warning: ' : '';
  for (const problem of problems) {
    const path = formatFieldPath(problem.path);
    factory.streams.err.write(
      `${prefix}${label}: ${path === '' ? '' : `${path}: `}${problem.message}\n`,
    );
  }
  if (mode === 'Warn') return;
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  throw new PlainError(
    `validation failed: ${count} in ${label}; nothing was created (to send it anyway, use --validate=warn or --validate=false)`,
  );
}
