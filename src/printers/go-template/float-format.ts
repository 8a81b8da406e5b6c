/**
 * strconv.FormatFloat for the verbs fmt uses: %e, %f and %g with or without a precision, and
 * %v (shortest %g). Digits come from JavaScript's correctly rounded conversions.
 */

interface Digits {
  /** Significant decimal digits without trailing zeros ('' for zero). */
  digits: string;
  /** Position of the decimal point: value = 0.digits × 10^point. */
  point: number;
}

function digitsOf(exponential: string): Digits {
  const [mantissa = '0', exp = '0'] = exponential.split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  if (digits === '') return { digits: '', point: 0 };
  return { digits, point: Number(exp) + 1 };
}

/** Shortest digits that read back as `value` (value ≥ 0). */
function shortest(value: number): Digits {
  return digitsOf(value.toExponential());
}

/** `count` significant digits, rounded (value ≥ 0). */
function rounded(value: number, count: number): Digits {
  return digitsOf(value.toExponential(Math.min(Math.max(count - 1, 0), 100)));
}

function digitAt(d: Digits, index: number): string {
  return d.digits[index] ?? '0';
}

function formatE(d: Digits, precision: number, letter: string): string {
  let out = d.digits === '' ? '0' : digitAt(d, 0);
  if (precision > 0) {
    out += '.';
    for (let i = 1; i <= precision; i++) out += digitAt(d, i);
  }
  const exp = d.digits === '' ? 0 : d.point - 1;
  const sign = exp < 0 ? '-' : '+';
  return `${out}${letter}${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function formatF(d: Digits, precision: number): string {
  let integer = '';
  if (d.point > 0) for (let i = 0; i < d.point; i++) integer += digitAt(d, i);
  else integer = '0';
  if (precision <= 0) return integer;
  let fraction = '';
  for (let i = 0; i < precision; i++) {
    const index = d.point + i;
    fraction += index < 0 ? '0' : digitAt(d, index);
  }
  return `${integer}.${fraction}`;
}

function formatG(d: Digits, precision: number, isShortest: boolean, letter: string): string {
  let eprec = precision;
  const count = d.digits.length;
  if (eprec > count && count >= d.point) eprec = count;
  if (isShortest) eprec = 6;
  const exp = d.point - 1;
  if (count > 0 && (exp < -4 || exp >= eprec)) {
    const p = precision > count ? count : precision;
    return formatE(d, p - 1, letter);
  }
  const p = precision > d.point ? count : precision;
  return formatF(d, Math.max(p - d.point, 0));
}

/** strconv.FormatFloat(value, verb, precision, 64); precision -1 is "shortest". */
export function formatFloat(value: number, verb: string, precision: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const abs = Math.abs(value);
  const upper = verb === 'E' || verb === 'G';
  const letter = upper ? 'E' : 'e';
  switch (verb) {
    case 'e':
    case 'E': {
      const d = precision < 0 ? shortest(abs) : rounded(abs, precision + 1);
      return (
        sign + formatE(d, precision < 0 ? Math.max(d.digits.length - 1, 0) : precision, letter)
      );
    }
    case 'f':
    case 'F': {
      if (precision >= 0 && abs < 1e21) return sign + abs.toFixed(Math.min(precision, 100));
      const d = shortest(abs);
      return sign + formatF(d, precision < 0 ? Math.max(d.digits.length - d.point, 0) : precision);
    }
    default: {
      if (precision < 0) {
        const d = shortest(abs);
        return sign + formatG(d, d.digits.length, true, letter);
      }
      const p = precision === 0 ? 1 : precision;
      return sign + formatG(rounded(abs, p), p, false, letter);
    }
  }
}
