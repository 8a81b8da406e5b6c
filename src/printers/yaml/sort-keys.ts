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

function isAsciiLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Compares two keys as go-yaml v2 sorts mapping keys. Most keys differ first at two ASCII
 * non-digits: those are decided here from the code units, without the code-point split.
 */
export function compareYamlKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) {
    // One is a prefix of the other (equal up to here, so alike in surrogates so far).
    if (!SURROGATES.test(a) && !SURROGATES.test(b)) return a.length - b.length;
    return compareByCodePoints(a, b);
  }
  const ac = a.charCodeAt(i);
  const bc = b.charCodeAt(i);
  // Two ASCII characters: digits and letters are ASCII too, so code units index alike here.
  if (ac < 128 && bc < 128) return compareAsciiAt(a, b, i, ac, bc);
  return compareByCodePoints(a, b);
}

/** compareByCodePoints's decision at a first difference `i` between two ASCII characters. */
function compareAsciiAt(a: string, b: string, i: number, ac: number, bc: number): number {
  const al = isAsciiLetterCode(ac);
  const bl = isAsciiLetterCode(bc);
  if (al && bl) return ac < bc ? -1 : 1;
  if (al || bl) return bl ? -1 : 1;
  // A run continuing non-zero digits counts its leading zeros (Go starts both sums at 1).
  let start = 0;
  if (ac === 48 || bc === 48) {
    for (let j = i - 1; j >= 0 && isDigitCode(a.charCodeAt(j)); j--) {
      if (a.charCodeAt(j) !== 48) {
        start = 1;
        break;
      }
    }
  }
  let an = start;
  let ai = i;
  while (ai < a.length && isDigitCode(a.charCodeAt(ai))) an = an * 10 + a.charCodeAt(ai++) - 48;
  let bn = start;
  let bi = i;
  while (bi < b.length && isDigitCode(b.charCodeAt(bi))) bn = bn * 10 + b.charCodeAt(bi++) - 48;
  if (an !== bn) return an < bn ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  return ac < bc ? -1 : 1;
}

const SURROGATES = /[\uD800-\uDFFF]/;

function compareByCodePoints(a: string, b: string): number {
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
