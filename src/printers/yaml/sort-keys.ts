/** go-yaml v2's map key order (keyList.Less): letters after other runes, digit runs by value. */

function isLetter(c: string): boolean {
  if (c.length === 1 && c < '\u0080') return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return /\p{L}/u.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function digitRun(chars: string | string[], from: number, start: number): [number, number] {
  let value = start;
  let end = from;
  while (isDigit(chars[end])) value = value * 10 + Number(chars[end++]);
  return [value, end];
}

/** The code points of a string: the string itself (indexable alike) when it has no surrogates. */
function codePoints(value: string): string | string[] {
  return /[\uD800-\uDFFF]/.test(value) ? [...value] : value;
}

/** Compares two keys as go-yaml v2 sorts mapping keys. */
export function compareYamlKeys(a: string, b: string): number {
  const ar = codePoints(a);
  const br = codePoints(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)! ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    // A run continuing non-zero digits counts its leading zeros (Go starts both sums at 1).
    let start = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          start = 1;
          break;
        }
      }
    }
    const [an, ai] = digitRun(ar, i, start);
    const [bn, bi] = digitRun(br, i, start);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ac.codePointAt(0)! < bc.codePointAt(0)! ? -1 : 1;
  }
  return ar.length - br.length;
}
