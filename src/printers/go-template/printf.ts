import { goSyntax } from '../go-fmt.js';
import { quoteGo } from '../jsonpath/go-strings.js';
import { formatFloat } from './float-format.js';
import { GoFloat, GoInt, goTypeName, kindOf, numberOf, sortedKeys } from './values.js';
import type { GoValue } from './values.js';

/** The flags, width and precision of one fmt verb. */
interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

const PLAIN: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };

function runeCount(text: string): number {
  return [...text].length;
}

function pad(text: string, spec: Spec, zeroAllowed = true): string {
  const missing = (spec.width ?? 0) - runeCount(text);
  if (missing <= 0) return text;
  if (spec.minus) return text + ' '.repeat(missing);
  return (spec.zero && zeroAllowed ? '0' : ' ').repeat(missing) + text;
}

function formatInteger(value: number, verb: string, spec: Spec): string {
  const negative = value < 0;
  const magnitude = BigInt(Math.abs(value));
  if (verb === 'c') return pad(String.fromCodePoint(Number(magnitude)), spec);
  if (verb === 'q') return pad(`'${String.fromCodePoint(Number(magnitude))}'`, spec);
  if (verb === 'U') {
    const hex = magnitude.toString(16).toUpperCase().padStart(4, '0');
    return pad(`U+${hex}`, spec);
  }
  const base = verb === 'b' ? 2 : verb === 'o' || verb === 'O' ? 8 : 'xX'.includes(verb) ? 16 : 10;
  let digits = magnitude.toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) {
    if (spec.precision === 0 && magnitude === 0n) return pad('', { ...spec, zero: false });
    digits = digits.padStart(spec.precision, '0');
  } else if (spec.zero && !spec.minus && spec.width !== undefined) {
    const room = spec.width - (negative || spec.plus || spec.space ? 1 : 0);
    digits = digits.padStart(room, '0');
  }
  let prefix = '';
  if (spec.sharp) {
    if (base === 16) prefix = verb === 'X' ? '0X' : '0x';
    else if (base === 8 && !digits.startsWith('0')) prefix = '0';
    else if (base === 2) prefix = '0b';
  }
  if (verb === 'O') prefix = '0o';
  const sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + prefix + digits, { ...spec, zero: false });
}

function formatFloatVerb(value: number, verb: string, spec: Spec): string {
  const goVerb = verb === 'v' ? 'g' : verb;
  const precision = spec.precision ?? ('feEF'.includes(verb) ? 6 : -1);
  let text = formatFloat(value, goVerb, precision);
  if (!text.startsWith('-') && !text.startsWith('+')) text = `+${text}`;
  if (spec.space && text.startsWith('+') && !spec.plus) text = ` ${text.slice(1)}`;
  if (/Inf|NaN/.test(text)) {
    if (text.includes('NaN') && !spec.space && !spec.plus) text = text.slice(1);
    else if (!spec.plus && text.startsWith('+')) text = text.slice(1);
    return pad(text, spec, false);
  }
  if (spec.plus || !text.startsWith('+')) {
    const width = spec.width ?? 0;
    if (spec.zero && !spec.minus && width > text.length)
      return text[0] + '0'.repeat(width - text.length) + text.slice(1);
    return pad(text, spec);
  }
  return pad(text.slice(1), spec);
}

function hexOf(text: string, verb: string, spec: Spec): string {
  const upper = verb === 'X';
  const bytes = [...Buffer.from(text, 'utf8')].map((b) => {
    const hex = b.toString(16).padStart(2, '0');
    return upper ? hex.toUpperCase() : hex;
  });
  const prefix = spec.sharp ? (upper ? '0X' : '0x') : '';
  const joined = spec.space ? bytes.map((b) => prefix + b).join(' ') : prefix + bytes.join('');
  return pad(joined, spec);
}

function truncate(text: string, spec: Spec): string {
  if (spec.precision === undefined) return text;
  return [...text].slice(0, spec.precision).join('');
}

function formatString(value: string, verb: string, spec: Spec): string | undefined {
  switch (verb) {
    case 'v':
      return pad(spec.sharp ? quoteGo(value) : value, spec);
    case 's':
      return pad(truncate(value, spec), spec);
    case 'q':
      return pad(quoteGo(truncate(value, spec)), spec);
    case 'x':
    case 'X':
      return hexOf(truncate(value, spec), verb, spec);
    default:
      return undefined;
  }
}

function formatComposite(value: GoValue, verb: string, spec: Spec): string {
  if (verb === 'v' && spec.sharp) return goSyntax(value);
  if (Array.isArray(value)) return `[${value.map((v) => formatNested(v, verb, spec)).join(' ')}]`;
  const map = value as Record<string, unknown>;
  const entries = sortedKeys(map).map(
    (key) => `${formatValue(key, verb, spec)}:${formatNested(map[key], verb, spec)}`,
  );
  return `map[${entries.join(' ')}]`;
}

function formatNested(value: GoValue, verb: string, spec: Spec): string {
  return value === null || value === undefined ? '<nil>' : formatValue(value, verb, spec);
}

function badVerb(value: GoValue, verb: string, spec: Spec): string {
  if (value === null || value === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(value)}=${formatValue(value, 'v', spec)})`;
}

/** One operand printed with one verb, as Go's fmt printArg/printValue. */
export function formatValue(value: GoValue, verb: string, spec: Spec = PLAIN): string {
  if (verb === 'T') return pad(goTypeName(value), spec);
  const kind = kindOf(value);
  let text: string | undefined;
  switch (kind) {
    case 'invalid':
    case 'nil':
      text = verb === 'v' ? pad('<nil>', spec) : undefined;
      break;
    case 'bool':
      text = verb === 't' || verb === 'v' ? pad(value ? 'true' : 'false', spec) : undefined;
      break;
    case 'int':
      text = 'vdboOxXcqU'.includes(verb)
        ? formatInteger(numberOf(value), verb === 'v' ? 'd' : verb, spec)
        : undefined;
      break;
    case 'float':
      text = 'veEfFgG'.includes(verb) ? formatFloatVerb(numberOf(value), verb, spec) : undefined;
      break;
    case 'string':
      text = formatString(value as string, verb, spec);
      break;
    default:
      text = formatComposite(value, verb, spec);
  }
  return text ?? badVerb(value, verb, spec);
}

function isIntegerArg(value: GoValue): boolean {
  return value instanceof GoInt || (kindOf(value) === 'int' && !(value instanceof GoFloat));
}

interface Cursor {
  format: string;
  at: number;
}

function readNumber(cursor: Cursor): number | undefined {
  const match = /^\d+/.exec(cursor.format.slice(cursor.at));
  if (!match) return undefined;
  cursor.at += match[0].length;
  return Number(match[0]);
}

/** Go's fmt.Sprintf over template values, with fmt's in-band error notes. */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argIndex = 0;
  const cursor: Cursor = { format, at: 0 };
  const starArg = (): number | undefined => {
    const arg = args[argIndex++];
    if (arg === undefined || !isIntegerArg(arg)) {
      out += '%!(BADWIDTH)';
      return undefined;
    }
    return numberOf(arg);
  };
  while (cursor.at < format.length) {
    const percent = format.indexOf('%', cursor.at);
    if (percent < 0) {
      out += format.slice(cursor.at);
      break;
    }
    out += format.slice(cursor.at, percent);
    cursor.at = percent + 1;
    const spec: Spec = { ...PLAIN };
    for (;;) {
      const c = format[cursor.at];
      if (c === '#') spec.sharp = true;
      else if (c === '0') spec.zero = !spec.minus;
      else if (c === '+') spec.plus = true;
      else if (c === '-') {
        spec.minus = true;
        spec.zero = false;
      } else if (c === ' ') spec.space = true;
      else break;
      cursor.at++;
    }
    if (format[cursor.at] === '*') {
      cursor.at++;
      const width = starArg();
      if (width !== undefined) {
        spec.width = Math.abs(width);
        if (width < 0) {
          spec.minus = true;
          spec.zero = false;
        }
      }
    } else spec.width = readNumber(cursor);
    if (format[cursor.at] === '.') {
      cursor.at++;
      if (format[cursor.at] === '*') {
        cursor.at++;
        const precision = starArg();
        if (precision !== undefined && precision >= 0) spec.precision = precision;
      } else spec.precision = readNumber(cursor) ?? 0;
    }
    const verb = String.fromCodePoint(format.codePointAt(cursor.at) ?? 0);
    if (cursor.at >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    cursor.at += verb.length;
    if (verb === '%') out += '%';
    else if (argIndex >= args.length) out += `%!${verb}(MISSING)`;
    else out += formatValue(args[argIndex++], verb, spec);
  }
  if (argIndex < args.length) {
    const extra = args
      .slice(argIndex)
      .map((a) =>
        a === null || a === undefined ? '<nil>' : `${goTypeName(a)}=${formatValue(a, 'v')}`,
      );
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

/** Go's fmt.Sprint: spaces between operands when neither side is a string. */
export function goSprintValues(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(arg, 'v');
  });
  return out;
}

/** Go's fmt.Sprintln: operands always space-separated, then a newline. */
export function goSprintln(args: readonly GoValue[]): string {
  return `${args.map((a) => formatValue(a, 'v')).join(' ')}\n`;
}
