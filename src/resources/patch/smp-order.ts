import type { JsonValue } from './json-value.js';
import { goString, isJsonObject } from './json-value.js';

/**
 * The order strategicpatch's mergeSlice gives a merged list when the patch names no
 * $setElementOrder (normalizeElementOrder and mergeSortedSlice): the items the patch names keep
 * the patch's order, the others keep the original's, and each original-only item goes before
 * the first patch item that the original holds after it. So a patch `[B, C]` on `[A, B]` gives
 * `[A, B, C]`, but on `[B, A]` gives `[B, C, A]`.
 */
export function normalizeMergedOrder(
  merged: readonly JsonValue[],
  patch: readonly JsonValue[],
  original: readonly JsonValue[],
  mergeKey: string,
): JsonValue[] {
  const keyOf = (item: JsonValue): string =>
    mergeKey && isJsonObject(item) ? goString(item[mergeKey]) : goString(item);
  const positions = (list: readonly JsonValue[]): Map<string, number> => {
    const found = new Map<string, number>();
    list.forEach((item, i) => {
      const key = keyOf(item);
      if (!found.has(key)) found.set(key, i);
    });
    return found;
  };
  const inPatch = positions(patch);
  const inOriginal = positions(original);
  const rank = (ranks: Map<string, number>) => (item: JsonValue) => ranks.get(keyOf(item)) ?? -1;
  const byPatch = rank(inPatch);
  const byOriginal = rank(inOriginal);
  const patchItems = merged.filter((item) => inPatch.has(keyOf(item)));
  const serverOnly = merged.filter((item) => !inPatch.has(keyOf(item)));
  patchItems.sort((a, b) => byPatch(a) - byPatch(b));
  serverOnly.sort((a, b) => byOriginal(a) - byOriginal(b));
  const result: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    const left = serverOnly[i];
    const right = patchItems[j];
    if (left === undefined) {
      result.push(right as JsonValue);
      j++;
    } else if (right === undefined) {
      result.push(left);
      i++;
    } else {
      // Go's less(): only when both are in the original, and the server-only one comes first
      const l = byOriginal(left);
      const r = byOriginal(right);
      if (l >= 0 && r >= 0 && l < r) {
        result.push(left);
        i++;
      } else {
        result.push(right);
        j++;
      }
    }
  }
  return result;
}
