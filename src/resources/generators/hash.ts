/** kubectl's util/hash: the name suffix `--append-hash` adds to a ConfigMap or Secret. */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../kube-object.js';
import { goJson } from '../../util/go-json.js';

function sortedObject(map: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((k) => [k, map[k]]),
  );
}

/** encodeHash: the first 10 hex digits with vowel-like digits swapped for consonants. */
function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

function hashOf(value: Record<string, unknown>): string {
  return encodeHash(
    createHash('sha256')
      .update(goJson(sortedObject(value)))
      .digest('hex'),
  );
}

/** hash.ConfigMapHash over kind, name, data and (when present) binaryData. */
export function configMapHash(configMap: KubeObject): string {
  const metadata = configMap['metadata'] as KubeObject;
  const value: Record<string, unknown> = {
    kind: 'ConfigMap',
    name: metadata['name'],
    data: configMap['data'] ?? {},
  };
  if (configMap['immutable'] !== undefined) value['immutable'] = configMap['immutable'];
  const binary = configMap['binaryData'] as Record<string, string> | undefined;
  if (binary && Object.keys(binary).length > 0) value['binaryData'] = binary;
  return hashOf(value);
}

/** hash.SecretHash over kind, type, name and data. */
export function secretHash(secret: KubeObject): string {
  const metadata = secret['metadata'] as KubeObject;
  const value: Record<string, unknown> = {
    kind: 'Secret',
    type: secret['type'] ?? '',
    name: metadata['name'],
    data: secret['data'] ?? {},
  };
  if (secret['immutable'] !== undefined) value['immutable'] = secret['immutable'];
  return hashOf(value);
}
