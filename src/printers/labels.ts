/** Label formatting as apimachinery's labels.FormatLabels. */

/** `k=v` pairs comma-joined, sorted as whole `k=v` strings (so `a.b=x` before `a=y`), or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  if (!labels) return '<none>';
  const pairs = Object.keys(labels).map((key) => `${key}=${labels[key] ?? ''}`);
  if (pairs.length === 0) return '<none>';
  return pairs.sort().join(',');
}

/** The header of a `-L` column: the key's part after the last `/`, upper-cased. */
export function labelColumnHeader(key: string): string {
  return (key.split('/').pop() ?? key).toUpperCase();
}
