import type { JsonObject } from '../../resources/patch/json-value.js';
import { isJsonObject } from '../../resources/patch/json-value.js';

/**
 * kubectl diff's Masker for v1 Secrets: every `data` value becomes `***`, and a value that
 * changed shows as `*** (before)` / `*** (after)`, so the diff tells which keys changed without
 * showing them.
 */
export function maskSecretData(live: JsonObject | undefined, merged: JsonObject | undefined): void {
  const isSecret = (o: JsonObject | undefined): boolean =>
    o !== undefined && o['kind'] === 'Secret' && o['apiVersion'] === 'v1';
  if (!isSecret(live) && !isSecret(merged)) return;
  const from = isJsonObject(live?.['data']) ? (live!['data'] as JsonObject) : undefined;
  const to = isJsonObject(merged?.['data']) ? (merged!['data'] as JsonObject) : undefined;
  for (const key of Object.keys(from ?? {})) {
    if (to && key in to) {
      if (from![key] !== to[key]) {
        from![key] = '*** (before)';
        to[key] = '*** (after)';
        continue;
      }
      to[key] = '***';
    }
    from![key] = '***';
  }
  for (const key of Object.keys(to ?? {})) if (!from || !(key in from)) to![key] = '***';
}
