/**
 * Helpers for building API objects the way kubectl's typed Go structs serialise: keys in Go
 * struct order (so compact JSON matches kubectl's byte for byte), empty optional fields left
 * out, and maps with sorted keys as encoding/json writes them.
 */

import { goJson } from '../../util/go-json.js';
import type { KubeObject } from '../kube-object.js';

/** Drops keys whose value is undefined (Go's omitempty for the fields the generators skip). */
export function compact<T extends KubeObject>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

/** A copy of a string map with keys sorted, or undefined when it is empty or missing. */
export function sortedMap(
  map: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!map) return undefined;
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.map((key) => [key, map[key] ?? '']));
}

/** metav1.ObjectMeta in Go field order. */
export function objectMeta(fields: {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
}): KubeObject {
  return compact({
    name: fields.name,
    namespace: fields.namespace || undefined,
    labels: sortedMap(fields.labels),
    annotations: sortedMap(fields.annotations),
    ownerReferences: fields.ownerReferences,
  });
}

/** The annotation `kubectl apply` reads; `--save-config` writes it. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * util.CreateOrUpdateAnnotation: with --save-config, records the object (without the
 * annotation itself) as compact JSON in its last-applied annotation.
 */
export function withLastApplied(object: KubeObject, saveConfig: boolean): KubeObject {
  if (!saveConfig) return object;
  const metadata = (object['metadata'] ?? {}) as KubeObject;
  const annotations = { ...((metadata['annotations'] as Record<string, string>) ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const withoutAnnotation = replaceAnnotations(object, annotations);
  annotations[LAST_APPLIED_ANNOTATION] = `${goJson(withoutAnnotation)}\n`;
  return replaceAnnotations(object, annotations);
}

function replaceAnnotations(object: KubeObject, annotations: Record<string, string>): KubeObject {
  const metadata = { ...((object['metadata'] ?? {}) as KubeObject) };
  const ordered: KubeObject = {};
  const sorted = sortedMap(annotations);
  for (const key of ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion']) {
    if (key in metadata) ordered[key] = metadata[key];
  }
  for (const key of ['generation', 'creationTimestamp', 'deletionTimestamp', 'labels']) {
    if (key in metadata) ordered[key] = metadata[key];
  }
  if (sorted) ordered['annotations'] = sorted;
  for (const [key, value] of Object.entries(metadata))
    if (!(key in ordered) && key !== 'annotations') ordered[key] = value;
  return { ...object, metadata: ordered };
}
