import { isYamlPrintable } from './analyze.js';

/** The code points of a string: the string itself (indexable alike) when it has no surrogates. */
function codePoints(value: string): string | string[] {
  return /[\uD800-\uDFFF]/.test(value) ? [...value] : value;
}

const BEST_WIDTH = 80;
const BREAKS = new Set(['\r', '\n', '\u0085', '\u2028', '\u2029']);
const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\u0007': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\u001b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

/** Where a scalar starts: its column, and the indent of its continuation lines. */
export interface ScalarPosition {
  column: number;
  indent: number;
  /** Keys never fold. */
  allowBreaks: boolean;
}

function newline(indent: number): string {
  return `\n${' '.repeat(indent)}`;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A plain scalar, folded at spaces once a line passes 80 columns (go-yaml's best_width). */
export function writePlain(value: string, at: ScalarPosition): string {
  // A space at index i stands at column at.column + i: none can pass 80, nothing folds.
  if (!at.allowBreaks || at.column + value.length <= 81) return value;
  if (!SURROGATE.test(value)) return foldPlainByWords(value, at);
  const chars = codePoints(value);
  let out = '';
  let column = at.column;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ') {
      if (at.allowBreaks && !spaces && column > BEST_WIDTH && chars[i + 1] !== ' ') {
        out += newline(at.indent);
        column = at.indent;
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      out += c;
      column++;
      spaces = false;
    }
  }
  return out;
}

/**
 * writePlain's loop over the runs between spaces instead of each character (same output), for
 * strings without surrogate pairs, where a column is a UTF-16 unit.
 */
function foldPlainByWords(value: string, at: ScalarPosition): string {
  let out = '';
  let column = at.column;
  let spaces = false;
  let i = 0;
  while (i < value.length) {
    let space = value.indexOf(' ', i);
    if (space < 0) space = value.length;
    if (space > i) {
      out += value.slice(i, space);
      column += space - i;
      spaces = false;
      i = space;
      continue;
    }
    if (!spaces && column > BEST_WIDTH && value[i + 1] !== ' ') {
      out += newline(at.indent);
      column = at.indent;
    } else {
      out += ' ';
      column++;
    }
    spaces = true;
    i++;
  }
  return out;
}

/** A single-quoted scalar ('' for a quote), folded like a plain one. */
export function writeSingleQuoted(value: string, at: ScalarPosition): string {
  const doubled = value.includes("'") ? value.replaceAll("'", "''") : value;
  // A space k units into `doubled` stands at column at.column + 1 + k, and one that can fold
  // has a character after it: when even the last such place is within 80 columns, none folds.
  if (!at.allowBreaks || at.column + doubled.length <= 81) return `'${doubled}'`;
  if (!SURROGATE.test(value)) return foldSingleQuotedByWords(value, at);
  const chars = codePoints(value);
  let out = "'";
  let column = at.column + 1;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const canBreak = at.allowBreaks && !spaces && column > BEST_WIDTH && i > 0;
    if (c === ' ' && canBreak && i < chars.length - 1 && chars[i + 1] !== ' ') {
      out += newline(at.indent);
      column = at.indent;
      spaces = true;
      continue;
    }
    const text = c === "'" ? "''" : c;
    out += text;
    column += text.length;
    spaces = c === ' ';
  }
  return `${out}'`;
}

/** writeSingleQuoted's loop over the runs between spaces (same output; no surrogate pairs). */
function foldSingleQuotedByWords(value: string, at: ScalarPosition): string {
  let out = "'";
  let column = at.column + 1;
  let spaces = false;
  let i = 0;
  while (i < value.length) {
    let space = value.indexOf(' ', i);
    if (space < 0) space = value.length;
    if (space > i) {
      const run = value.slice(i, space);
      const text = run.includes("'") ? run.replaceAll("'", "''") : run;
      out += text;
      column += text.length;
      spaces = false;
      i = space;
      continue;
    }
    const canBreak = !spaces && column > BEST_WIDTH && i > 0;
    if (canBreak && i < value.length - 1 && value[i + 1] !== ' ') {
      out += newline(at.indent);
      column = at.indent;
    } else {
      out += ' ';
      column++;
    }
    spaces = true;
    i++;
  }
  return `${out}'`;
}

function escape(c: string): string {
  const short = ESCAPES[c];
  if (short !== undefined) return `\\${short}`;
  const code = c.codePointAt(0) as number;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** A double-quoted scalar with go-yaml's escapes (`\x01`, `\U0001F600`) and folding. */
export function writeDoubleQuoted(value: string, at: ScalarPosition): string {
  const chars = codePoints(value);
  let out = '"';
  let column = at.column + 1;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const code = c.codePointAt(0) as number;
    if (!isYamlPrintable(code) || code === 0xfeff || BREAKS.has(c) || c === '"' || c === '\\') {
      const text = escape(c);
      out += text;
      column += text.length;
      spaces = false;
    } else if (c === ' ') {
      if (at.allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        out += newline(at.indent);
        column = at.indent;
        if (chars[i + 1] === ' ') {
          out += '\\';
          column++;
        }
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      out += c;
      column++;
      spaces = false;
    }
  }
  return `${out}"`;
}

function chompHint(value: string): string {
  const chars = codePoints(value);
  const last = chars[chars.length - 1];
  if (last === undefined || !BREAKS.has(last)) return '-';
  if (chars.length === 1) return '+';
  return BREAKS.has(chars[chars.length - 2] as string) ? '+' : '';
}

/** A literal block scalar (`|`, `|-`, `|+`, `|2-`), lines indented, blank lines left empty. */
export function writeLiteral(value: string, indent: number): string {
  const first = value[0];
  const indentHint = first === ' ' || (first !== undefined && BREAKS.has(first)) ? '2' : '';
  let out = `|${indentHint}${chompHint(value)}\n`;
  let atLineStart = true;
  for (const c of value) {
    if (BREAKS.has(c)) {
      out += '\n';
      atLineStart = true;
    } else {
      if (atLineStart) out += ' '.repeat(indent);
      atLineStart = false;
      out += c;
    }
  }
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}
