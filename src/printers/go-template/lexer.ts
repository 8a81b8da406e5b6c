/** The lexer of Go's text/template (delimiters {{ }}), item by item as parse/lex.go emits them. */
import { quoteGo } from '../jsonpath/go-strings.js';

/** Kinds of lexed items. */
export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'complex'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'char'
  | 'keyword'
  | 'error'
  | 'eof';

/** One lexed item: its kind, text, byte offset and line. */
export interface Item {
  type: ItemType;
  value: string;
  pos: number;
  line: number;
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'nil',
  'template',
  'with',
]);

const SPACE = new Set([' ', '\t', '\r', '\n']);

function isSpace(c: string | undefined): boolean {
  return c !== undefined && SPACE.has(c);
}

function isAlphaNumeric(c: string | undefined): boolean {
  return c !== undefined && (c === '_' || /^[\p{L}\p{Nd}]$/u.test(c));
}

/** Go's `%#U` of a character: U+005B '['. */
export function describeRune(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return /\p{C}/u.test(c) ? `U+${hex}` : `U+${hex} '${c}'`;
}

/** Splits a template into items; errors come out as one 'error' item, then lexing stops. */
export function lexTemplate(input: string): Item[] {
  const items: Item[] = [];
  let start = 0;
  let pos = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let failed = false;

  const emit = (type: ItemType, value = input.slice(start, pos)): void => {
    items.push({ type, value, pos: start, line: startLine });
    start = pos;
    startLine = line;
  };
  const advanceTo = (to: number): void => {
    for (let i = pos; i < to; i++) if (input[i] === '\n') line++;
    pos = to;
  };
  const ignore = (): void => {
    start = pos;
    startLine = line;
  };
  const error = (message: string): void => {
    items.push({ type: 'error', value: message, pos: start, line });
    failed = true;
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (isSpace(input[pos]) && input[pos + 1] === '-' && input.startsWith('}}', pos + 2))
      return { delim: true, trim: true };
    return { delim: input.startsWith('}}', pos), trim: false };
  };
  const atTerminator = (): boolean => {
    const c = input[pos];
    if (c === undefined || isSpace(c) || '.,|:)('.includes(c)) return true;
    return input.startsWith('}}', pos);
  };
  const skipLeadingSpace = (): void => {
    let to = pos;
    while (isSpace(input[to])) to++;
    advanceTo(to);
    ignore();
  };

  const lexText = (): boolean => {
    const at = input.indexOf('{{', pos);
    if (at < 0) {
      advanceTo(input.length);
      if (pos > start) emit('text');
      emit('eof', '');
      return false;
    }
    const trim = input[at + 2] === '-' && isSpace(input[at + 3]);
    let end = at;
    if (trim) while (end > start && isSpace(input[end - 1])) end--;
    advanceTo(end);
    if (pos > start) emit('text');
    advanceTo(at);
    ignore();
    return lexLeftDelim(trim);
  };

  const lexLeftDelim = (trim: boolean): boolean => {
    const marker = trim ? 2 : 0;
    if (input.startsWith('/*', pos + 2 + marker)) {
      advanceTo(pos + 2 + marker);
      ignore();
      return lexComment();
    }
    advanceTo(pos + 2);
    emit('leftDelim');
    advanceTo(pos + marker);
    ignore();
    parenDepth = 0;
    return lexInsideAction();
  };

  const lexComment = (): boolean => {
    const close = input.indexOf('*/', pos + 2);
    if (close < 0) return (void error('unclosed comment'), false);
    advanceTo(close + 2);
    const { delim, trim } = atRightDelim();
    if (!delim) return (void error('comment ends before closing delimiter'), false);
    advanceTo(pos + (trim ? 2 : 0) + 2);
    if (trim) skipLeadingSpace();
    ignore();
    return true;
  };

  const lexRightDelim = (trim: boolean): boolean => {
    if (trim) {
      advanceTo(pos + 2);
      ignore();
    }
    advanceTo(pos + 2);
    emit('rightDelim');
    if (trim) skipLeadingSpace();
    return true;
  };

  const lexInsideAction = (): boolean => {
    for (;;) {
      const { delim, trim } = atRightDelim();
      if (delim) {
        if (parenDepth === 0) return lexRightDelim(trim);
        return (void error('unclosed left paren'), false);
      }
      const c = input[pos];
      if (c === undefined) return (void error('unclosed action'), false);
      if (!lexActionItem(c)) return false;
    }
  };

  const lexActionItem = (c: string): boolean => {
    if (isSpace(c)) return lexSpace();
    const cp = String.fromCodePoint(input.codePointAt(pos) ?? 0);
    advanceTo(pos + cp.length);
    switch (cp) {
      case '=':
        emit('assign');
        return true;
      case ':':
        if (input[pos] !== '=') return (void error('expected :='), false);
        advanceTo(pos + 1);
        emit('declare');
        return true;
      case '|':
        emit('pipe');
        return true;
      case '"':
        return lexQuote();
      case '`':
        return lexRawQuote();
      case '$':
        return lexFieldOrVariable('variable');
      case "'":
        return lexChar();
      case '(':
        parenDepth++;
        emit('leftParen');
        return true;
      case ')':
        parenDepth--;
        if (parenDepth < 0) return (void error('unexpected right paren'), false);
        emit('rightParen');
        return true;
    }
    if (cp === '.' && !/[0-9]/.test(input[pos] ?? '')) return lexFieldOrVariable('field');
    if (/[.+\-0-9]/.test(cp)) {
      pos -= 1;
      return lexNumber();
    }
    if (isAlphaNumeric(cp)) {
      pos -= cp.length;
      return lexIdentifier();
    }
    if ((cp.codePointAt(0) ?? 0) < 0x7f && /[\x20-\x7e]/.test(cp)) {
      emit('char');
      return true;
    }
    return (void error(`unrecognized character in action: ${describeRune(cp)}`), false);
  };

  const lexSpace = (): boolean => {
    let count = 0;
    while (isSpace(input[pos])) {
      advanceTo(pos + 1);
      count++;
    }
    if (input[pos] === '-' && input.startsWith('}}', pos + 1)) {
      pos -= 1;
      if (input[pos] === '\n') line--;
      if (count === 1) return lexRightDelim(true);
    }
    emit('space');
    return true;
  };

  const lexQuote = (): boolean => {
    for (;;) {
      const c = input[pos];
      advanceTo(pos + 1);
      if (c === '\\') {
        const next = input[pos];
        if (next !== undefined && next !== '\n') {
          advanceTo(pos + 1);
          continue;
        }
      }
      if (c === undefined || c === '\\' || c === '\n')
        return (void error('unterminated quoted string'), false);
      if (c === '"') break;
    }
    emit('string');
    return true;
  };

  const lexRawQuote = (): boolean => {
    const close = input.indexOf('`', pos);
    if (close < 0) return (void error('unterminated raw quoted string'), false);
    advanceTo(close + 1);
    emit('rawString');
    return true;
  };

  const lexChar = (): boolean => {
    for (;;) {
      const c = input[pos];
      advanceTo(pos + 1);
      if (c === '\\' && input[pos] !== undefined && input[pos] !== '\n') {
        advanceTo(pos + 1);
        continue;
      }
      if (c === undefined || c === '\n' || c === '\\')
        return (void error('unterminated character constant'), false);
      if (c === "'") break;
    }
    emit('charConstant');
    return true;
  };

  const lexNumber = (): boolean => {
    const match =
      /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]*)?|0[oO][0-7_]*|0[bB][01_]*|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]*)?)i?/.exec(
        input.slice(pos),
      );
    advanceTo(pos + (match?.[0].length ?? 0));
    if (isAlphaNumeric(input[pos])) {
      advanceTo(pos + 1);
      return (void error(`bad number syntax: ${quoteGo(input.slice(start, pos))}`), false);
    }
    if (input[pos] === '+' || input[pos] === '-') {
      return (void error(`bad number syntax: ${quoteGo(input.slice(start, pos + 1))}`), false);
    }
    emit(input[pos - 1] === 'i' ? 'complex' : 'number');
    return true;
  };

  const lexIdentifier = (): boolean => {
    while (isAlphaNumeric(input[pos])) advanceTo(pos + 1);
    const word = input.slice(start, pos);
    if (!atTerminator())
      return (void error(`bad character ${describeRune(input[pos] ?? '')}`), false);
    if (KEYWORDS.has(word)) emit(word === 'nil' ? 'nil' : 'keyword');
    else if (word === 'true' || word === 'false') emit('bool');
    else emit('identifier');
    return true;
  };

  const lexFieldOrVariable = (type: 'field' | 'variable'): boolean => {
    if (atTerminator()) {
      emit(type === 'variable' ? 'variable' : 'dot');
      return true;
    }
    while (isAlphaNumeric(input[pos])) advanceTo(pos + 1);
    if (!atTerminator())
      return (void error(`bad character ${describeRune(input[pos] ?? '')}`), false);
    emit(type);
    return true;
  };

  while (!failed && lexText()) {
    /* one action per turn */
  }
  return items;
}
