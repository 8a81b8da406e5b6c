/**
 * What a plain (unquoted, untagged) YAML scalar means to kubectl. kubectl reads manifests with
 * sigs.k8s.io/yaml, which decodes each document with go-yaml v2 into interface{} values and
 * converts them to JSON. go-yaml v2 resolves a plain scalar by its first character:
 *
 * - exact words: `y Y yes Yes YES on On ON true True TRUE` are true, `n N no No NO off Off OFF
 *   false False FALSE` false, `~ null Null NULL` and the empty scalar null, `.inf .nan` (and
 *   their spellings) the IEEE specials;
 * - a leading digit or sign: Go's strconv.ParseInt(text without '_', base 0): decimal, `0x1F`,
 *   `0o17`, `0b101` and YAML 1.1 octal `0755` (any letter case of the prefix, any sign), then
 *   ParseUint, then a decimal float (`1.5`, `5.`, `1e3`) that does not overflow;
 * - a leading '.': a float such as `.5`;
 * - everything else, and what the above refuses, stays the text itself. That includes what
 *   YAML 1.1 would read otherwise: sexagesimal `12:30`, timestamps `2001-12-14` (go-yaml v2
 *   hands timestamps to interface{} as their text), and `1e400`, which overflows.
 *
 * Both manifest readers (js-yaml's fast path and `yaml`'s path for messages) resolve plain
 * scalars with this one function, so they cannot disagree.
 */
export type GoYamlScalar = null | boolean | number | string;

const WORDS = new Map<string, GoYamlScalar>();
const define = (value: GoYamlScalar, words: string): void => {
  for (const word of words.split(' ')) WORDS.set(word, value);
};
define(true, 'y Y yes Yes YES true True TRUE on On ON');
define(false, 'n N no No NO false False FALSE off Off OFF');
define(null, '~ null Null NULL');
define(Number.NaN, '.nan .NaN .NAN');
define(Number.POSITIVE_INFINITY, '.inf .Inf .INF +.inf +.Inf +.INF');
define(Number.NEGATIVE_INFINITY, '-.inf -.Inf -.INF');

/** Plain scalars go-yaml v2 may resolve to something other than a string (by first character). */
export const MAYBE_NOT_STRING = /^(?:$|[-+0-9.yYnNtTfFoO~])/;

/** strconv.ParseInt(s, 0, 64) syntax: sign, then a prefixed or a decimal number. */
const GO_INT =
  /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|0([0-7]*)|([1-9][0-9]*))$/;
/** go-yaml v2's yamlStyleFloat. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const LEADING_DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A plain scalar as go-yaml v2 resolves it; integers keep their exact value. */
type Resolved =
  | { kind: 'int' | 'uint'; exact: bigint; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'other'; value: GoYamlScalar };

function resolve(text: string): Resolved {
  if (text === '') return { kind: 'other', value: null };
  const word = WORDS.get(text);
  if (word !== undefined)
    return typeof word === 'number'
      ? { kind: 'float', value: word }
      : { kind: 'other', value: word };
  if (text.charCodeAt(0) === 0x2e /* . */)
    return LEADING_DOT_FLOAT.test(text) ? parsedFloat(text, text) : { kind: 'other', value: text };
  if (!/^[-+0-9]/.test(text)) return { kind: 'other', value: text };
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const integer = goInteger(plain);
  if (integer) return integer;
  return GO_FLOAT.test(plain) ? parsedFloat(plain, text) : { kind: 'other', value: text };
}

/** The value go-yaml v2 (as kubectl uses it) gives a plain scalar. */
export function resolvePlainScalar(text: string): GoYamlScalar {
  return resolve(text).value;
}

/**
 * The JSON key sigs.k8s.io/yaml makes of a plain scalar used as a map key: booleans and integers
 * in decimal, floats as Go's FormatFloat(f, 'g', -1, 32) (`.inf`, `-.inf`, `.nan` for the
 * specials); a null or an integer beyond int64 has no key and throws kubectl's reason.
 */
export function resolvePlainKey(text: string): string {
  const resolved = resolve(text);
  switch (resolved.kind) {
    case 'int':
      return resolved.exact.toString();
    case 'uint':
      throw new Error(`unsupported map key of type: uint64, key: ${text}`);
    case 'float':
      return goFloat32Key(resolved.value);
    default:
      if (resolved.value === null) throw new Error('unsupported map key: null');
      return String(resolved.value);
  }
}

/** ParseInt(s, 0, 64), or ParseUint(s, 0, 64) for an unsigned s; undefined when both fail. */
function goInteger(plain: string): Resolved | undefined {
  const match = GO_INT.exec(plain);
  if (!match) return undefined;
  const [, sign, hex, bin, oct, legacyOct, dec] = match;
  let magnitude: bigint;
  if (hex !== undefined) magnitude = BigInt(`0x${hex}`);
  else if (bin !== undefined) magnitude = BigInt(`0b${bin}`);
  else if (oct !== undefined) magnitude = BigInt(`0o${oct}`);
  else if (legacyOct !== undefined) magnitude = legacyOct === '' ? 0n : BigInt(`0o${legacyOct}`);
  else magnitude = BigInt(dec ?? '0');
  const exact = sign === '-' ? -magnitude : magnitude;
  if (exact >= INT64_MIN && exact <= INT64_MAX) return { kind: 'int', exact, value: Number(exact) };
  // ParseUint takes no sign; a decimal beyond it is still a float for the caller.
  if (sign === '' && exact <= UINT64_MAX) return { kind: 'uint', exact, value: Number(exact) };
  return undefined;
}

/** The float, unless ParseFloat reports it out of range (then go-yaml keeps the text). */
function parsedFloat(number: string, text: string): Resolved {
  const value = Number(number);
  return Number.isFinite(value) ? { kind: 'float', value } : { kind: 'other', value: text };
}

/** strconv.FormatFloat(value, 'g', -1, 32), with sigs.k8s.io/yaml's names for the specials. */
function goFloat32Key(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Number.POSITIVE_INFINITY) return '.inf';
  if (value === Number.NEGATIVE_INFINITY) return '-.inf';
  const single = Math.fround(value);
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  if (!Number.isFinite(single)) return single > 0 ? '+Inf' : '-Inf';
  let exponential = single.toExponential(8);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = single.toExponential(digits - 1);
    if (Math.fround(Number(candidate)) === single) {
      exponential = candidate;
      break;
    }
  }
  const [mantissa = '', exponentText = '0'] = exponential.split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0] ?? ''}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
