/**
 * resource.Quantity parsing and canonical printing (apimachinery api/resource), so that
 * `--hard=cpu=1000m` prints `cpu: "1"` as kubectl's typed objects do.
 */

const FORMAT_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: value = mantissa × 10^exponent, and the format it was written in. */
export interface Quantity {
  mantissa: bigint;
  exponent: number;
  format: Format;
}

/** resource.ParseQuantity, with its error messages. */
export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new Error(formatWrong());
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text);
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match ?? [];
  if (!match || (whole === '' && fraction === '')) throw new Error(formatWrong());
  let mantissa = BigInt(`${whole}${fraction}` || '0');
  let exponent = -fraction.length;
  let format: Format;
  if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    exponent += DECIMAL_SUFFIXES[suffix] ?? 0;
  } else if (suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    mantissa *= 1024n ** BigInt(BINARY_SUFFIXES[suffix] ?? 0);
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exponent += Number(suffix.slice(1));
  } else throw new Error("unable to parse quantity's suffix");
  if (exponent < -9 && mantissa !== 0n) {
    const divisor = 10n ** BigInt(-9 - exponent);
    mantissa = (mantissa + divisor - 1n) / divisor;
    exponent = -9;
  }
  if (sign === '-') mantissa = -mantissa;
  return { mantissa, exponent, format };
}

function formatWrong(): string {
  return `quantities must match the regular expression '${FORMAT_REGEX}'`;
}

/** Quantity.String(): the canonical form (`1000m` → `1`, `1024Mi` → `1Gi`, `1.5` → `1500m`). */
export function canonicalQuantity(quantity: Quantity): string {
  let { mantissa, exponent } = quantity;
  if (mantissa === 0n) return '0';
  let format = quantity.format;
  if (format === 'BinarySI') {
    const integral = exponent >= 0 || mantissa % 10n ** BigInt(-exponent) === 0n;
    const value = integral ? scaleToInteger(mantissa, exponent) : 0n;
    if (!integral || (value > -1024n && value < 1024n)) format = 'DecimalSI';
    else return base1024(value);
  }
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const remainder = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(remainder);
  exponent -= remainder;
  if (format === 'DecimalExponent') return `${mantissa}${exponent === 0 ? '' : `e${exponent}`}`;
  const suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0];
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`;
}

function scaleToInteger(mantissa: bigint, exponent: number): bigint {
  return exponent >= 0 ? mantissa * 10n ** BigInt(exponent) : mantissa / 10n ** BigInt(-exponent);
}

function base1024(value: bigint): string {
  let amount = value;
  let power = 0;
  while (amount % 1024n === 0n && power < 6) {
    amount /= 1024n;
    power++;
  }
  const suffix = Object.entries(BINARY_SUFFIXES).find(([, p]) => p === power)?.[0] ?? '';
  return `${amount}${suffix}`;
}

/** Parses and prints a quantity canonically. */
export function normalizeQuantity(text: string): string {
  return canonicalQuantity(parseQuantity(text));
}
