/** Natural order of names (`web-2` before `web-10`), as k9s sorts its tree (sortorder.NaturalLess). */
export function compareNatural(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
