/** Label selectors as apimachinery prints them (LabelSelectorAsSelector(...).String(), FormatLabels). */
import type { Obj } from './fields.js';
import { arr, str, strMap } from './fields.js';

/** A metav1.LabelSelector as a selector string, requirements sorted by key; `<none>` when empty. */
export function selectorText(selector: Obj | undefined): string {
  if (!selector) return '<none>';
  const parts: Array<[string, string]> = Object.entries(strMap(selector, 'matchLabels')).map(
    ([k, v]) => [k, `${k}=${v}`],
  );
  for (const e of arr(selector, 'matchExpressions')) {
    const key = str(e, 'key');
    const values = [...((e['values'] as string[] | undefined) ?? [])].sort().join(',');
    const op = str(e, 'operator');
    if (op === 'In') parts.push([key, `${key} in (${values})`]);
    else if (op === 'NotIn') parts.push([key, `${key} notin (${values})`]);
    else if (op === 'Exists') parts.push([key, key]);
    else if (op === 'DoesNotExist') parts.push([key, `!${key}`]);
  }
  if (parts.length === 0) return '';
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

/** labels.FormatLabels: `k=v,...` sorted, `<none>` when empty. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k] ?? ''}`).join(',');
}
