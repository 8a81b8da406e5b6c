/** Compares two cell values: quantities and counts numerically, everything else as text. */
export function compareCells(a: string, b: string): number {
  const na = numericValue(a);
  const nb = numericValue(b);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

const UNITS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  Ki: 1024,
  M: 1e6,
  Mi: 1024 ** 2,
  G: 1e9,
  Gi: 1024 ** 3,
  T: 1e12,
  Ti: 1024 ** 4,
};

/** "3", "1/2" (ready: the first number), "250m", "1Gi" as numbers; undefined for other text. */
function numericValue(text: string): number | undefined {
  const ready = /^(\d+)\/(\d+)$/.exec(text);
  if (ready) return Number(ready[1]);
  const restarts = /^(\d+)(?: \(.*\))?$/.exec(text);
  if (restarts) return Number(restarts[1]);
  const quantity = /^(\d+(?:\.\d+)?)(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/.exec(text);
  if (!quantity) return undefined;
  return Number(quantity[1]) * (UNITS[quantity[2] ?? ''] ?? 1);
}
