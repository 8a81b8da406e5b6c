import type { ManifestObject, PathSegment } from '../manifest/manifest-types.js';
import { formatFieldPath, locate } from '../manifest/manifest-types.js';
import type { GroupVersionKind, SchemaContext } from './schema-types.js';
import { splitApiVersion } from './schema-types.js';
import { validateValue } from './validate-value.js';

/** Looks up the schema of a kind (undefined when the server does not publish one). */
export type SchemaLookup = (gvk: GroupVersionKind) => Promise<SchemaContext | undefined>;

/** One problem in one manifest object. */
export interface ValidationProblem {
  manifest: ManifestObject;
  path: PathSegment[];
  message: string;
}

/** `file:line:column (document N, Kind/name): path: message`. */
export function formatValidationProblem(problem: ValidationProblem): string {
  const path = formatFieldPath(problem.path);
  const where = locate(problem.manifest, problem.path);
  return path === '' ? `${where}: ${problem.message}` : `${where}: ${path}: ${problem.message}`;
}

/** The group, version and kind an object declares, or the problems that keep it from having one. */
export function gvkOf(manifest: ManifestObject): GroupVersionKind | ValidationProblem[] {
  const { apiVersion, kind } = manifest.object;
  const problems: ValidationProblem[] = [];
  if (typeof apiVersion !== 'string' || apiVersion === '')
    problems.push({ manifest, path: ['apiVersion'], message: 'not set' });
  if (typeof kind !== 'string' || kind === '')
    problems.push({ manifest, path: ['kind'], message: 'not set' });
  if (problems.length > 0) return problems;
  return { ...splitApiVersion(apiVersion as string), kind: kind as string };
}

/**
 * Validates every object against the server's OpenAPI v3 schema of its kind. Objects whose
 * kind has no published schema (e.g. a custom resource whose CRD is in the same apply) are
 * left to the server.
 */
export async function validateManifests(
  manifests: readonly ManifestObject[],
  lookup: SchemaLookup,
): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  for (const manifest of manifests) {
    const gvk = gvkOf(manifest);
    if (Array.isArray(gvk)) {
      problems.push(...gvk);
      continue;
    }
    problems.push(...metadataProblems(manifest));
    const context = await lookup(gvk);
    if (!context) continue;
    for (const problem of validateValue(manifest.object, context.schema, context.document))
      problems.push({ manifest, path: problem.path, message: problem.message });
  }
  return problems;
}

function metadataProblems(manifest: ManifestObject): ValidationProblem[] {
  const metadata = manifest.object['metadata'];
  if (metadata === undefined || metadata === null)
    return [{ manifest, path: ['metadata'], message: 'not set' }];
  const record = metadata as Record<string, unknown>;
  if (typeof record !== 'object') return [];
  if (!record['name'] && !record['generateName'])
    return [{ manifest, path: ['metadata', 'name'], message: 'not set' }];
  return [];
}
