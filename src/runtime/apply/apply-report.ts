import { ApiStatusError } from '../../errors/errors.js';
import { errorLine } from '../../errors/format-error.js';
import type { PathSegment } from '../../resources/manifest/manifest-types.js';
import { locate } from '../../resources/manifest/manifest-types.js';
import { kindGroupName } from '../../resources/resource-ref.js';
import type { ManifestInfo } from '../../resources/builder/index.js';

/** `deployment.apps/web`, or `Kind/name` when the kind is not mapped. */
export function displayName(entry: ManifestInfo): string {
  if (entry.mapping) return `${kindGroupName(entry.mapping)}/${entry.name}`;
  return `${String(entry.object['kind'] ?? '')}/${entry.name}`;
}

/** Parses a server field path (`spec.containers[0].image`, `.spec.replicas`) into segments. */
export function parseFieldPath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of text.replace(/^\./, '').matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** The field a server error is about, when it names one (causes, strict decoding, conflicts). */
export function errorFieldPath(error: unknown): PathSegment[] {
  if (error instanceof ApiStatusError) {
    const field = error.status.details?.causes?.find((c) => c.field)?.field;
    if (field) return parseFieldPath(field);
  }
  const text = error instanceof Error ? error.message : '';
  const unknown = /(?:unknown|duplicate) field "([^"]+)"/.exec(text);
  if (unknown?.[1]) return parseFieldPath(unknown[1]);
  const conflict = /using [^:]+:\s*(\.[^\s]+)/.exec(text) ?? /\n- (\.[^\s]+)/.exec(text);
  if (conflict?.[1]) return parseFieldPath(conflict[1]);
  return [];
}

/** `file:line:col (document N, Kind/name): <kubectl's error text>`. */
export function locatedError(entry: ManifestInfo, error: unknown): string {
  return `${locate(entry.manifest, errorFieldPath(error))}: ${errorLine(error)}`;
}

/**
 * A handler for the Warning headers of one object's write: each warning (e.g. `unknown field
 * "spec.x"` under --validate=warn, a deprecated API) printed as kubectl's `Warning: ` line, with
 * the file, line and column of the field it names, or of the object.
 */
export function locatedWarnings(
  entry: ManifestInfo,
  warn: (text: string) => void,
): (text: string) => void {
  return (text) => {
    const path = parseFieldPath(warningFieldPath(text));
    warn(`Warning: ${locate(entry.manifest, path)}: ${text}\n`);
  };
}

/**
 * The field a server warning names: `unknown field "spec.x"`, or a leading path as in
 * `spec.nodeSelector[beta.kubernetes.io/arch]: deprecated …` (up to a map key in brackets).
 */
function warningFieldPath(text: string): string {
  const field = /(?:unknown|duplicate) field "([^"]+)"/.exec(text)?.[1];
  if (field) return field;
  const leading = /^([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*)(?=[[:])/.exec(text);
  return leading?.[1] ?? '';
}

/** The closing summary of a run in which some objects failed (after `error: `). */
export function failureSummary(applied: ManifestInfo[], failed: ManifestInfo[]): string {
  const total = applied.length + failed.length;
  const lines = [`${failed.length} of ${total} objects failed; ${applied.length} applied.`];
  lines.push(`Failed (${failed.length}):`);
  for (const entry of failed) {
    const { file, document } = entry.manifest.source;
    lines.push(`  ${displayName(entry)} (${file}, document ${document})`);
  }
  if (applied.length > 0) {
    lines.push(`Applied (${applied.length}):`);
    for (const entry of applied) lines.push(`  ${displayName(entry)}`);
  }
  return lines.join('\n');
}
