import { goJson } from '../../util/go-json.js';
import type { JsonObject } from './json-value.js';
import { cloneJson, isJsonObject } from './json-value.js';

/** The annotation client-side apply keeps the applied configuration in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Go's json.Encoder output for a decoded object: map keys sorted, compact, HTML characters and
 * U+2028/U+2029 escaped, a trailing newline.
 */
export function goJsonEncode(value: unknown): string {
  return `${goJsonCompact(value)}\n`;
}

function goJsonCompact(value: unknown): string {
  // One native JSON.stringify over a key-sorted copy, and one pass for Go's escapes: encoding
  // string by string cost apply -f several seconds of CPU on a 50 MB manifest.
  return goJson(sortedForGo(value));
}

/** A copy with map keys in Go's order (byte order) and undefined as null, as Go encodes it. */
function sortedForGo(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedForGo);
  if (isJsonObject(value)) {
    const sorted: Record<string, unknown> = {};
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) sorted[key] = sortedForGo(value[key]);
    return sorted;
  }
  return value === undefined ? null : value;
}

/** The annotations of an object (a copy), or {}. */
function annotationsOf(object: JsonObject): JsonObject {
  const metadata = object['metadata'];
  const annotations = isJsonObject(metadata) ? metadata['annotations'] : undefined;
  return isJsonObject(annotations) ? { ...annotations } : {};
}

function withAnnotations(object: JsonObject, annotations: JsonObject): JsonObject {
  const copy = cloneJson(object);
  const metadata = isJsonObject(copy['metadata']) ? copy['metadata'] : {};
  metadata['annotations'] = annotations;
  copy['metadata'] = metadata;
  return copy;
}

/** The object with other annotations, sharing everything but itself and its metadata. */
function withAnnotationsShallow(object: JsonObject, annotations: JsonObject): JsonObject {
  const metadata = isJsonObject(object['metadata']) ? object['metadata'] : {};
  return { ...object, metadata: { ...metadata, annotations } };
}

/**
 * kubectl's GetModifiedConfiguration: the object without its last-applied annotation (with
 * `annotations: {}` when it had none, as kubectl's unstructured objects do), encoded; then,
 * with `annotate` (apply; diff does not), the object carrying that encoding as its annotation.
 */
export function modifiedConfiguration(
  object: JsonObject,
  annotate = true,
): { annotation: string; modified: JsonObject } {
  const annotations = annotationsOf(object);
  delete annotations[LAST_APPLIED_ANNOTATION];
  // Only encoded when annotating, so a shallow copy will do (a deep one cost seconds on 50 MB).
  const bare = annotate
    ? withAnnotationsShallow(object, annotations)
    : withAnnotations(object, annotations);
  const annotation = goJsonEncode(bare);
  if (!annotate) return { annotation, modified: bare };
  const modified = withAnnotations(object, {
    ...annotations,
    [LAST_APPLIED_ANNOTATION]: annotation,
  });
  return { annotation, modified };
}

/** The last-applied configuration stored on a live object, decoded (undefined when absent). */
export function lastAppliedOf(live: JsonObject): JsonObject | undefined {
  const text = annotationsOf(live)[LAST_APPLIED_ANNOTATION];
  if (typeof text !== 'string' || text === '') return undefined;
  const parsed: unknown = JSON.parse(text);
  return isJsonObject(parsed) ? parsed : undefined;
}
