import { unquoteGo } from './go-strings.js';
import type { PathNode, SliceParam } from './nodes.js';

const EOF_CHAR = '';
const TERMINATORS = new Set([' ', EOF_CHAR, '.', ',', '[', ']', '$', '@', '{', '}']);
const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

function isAlphaNumeric(c: string): boolean {
  return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}

/** A JSONPath template parser with client-go's grammar and error messages. */
class Parser {
  private pos = 0;
  private start = 0;
  private current: PathNode[] = [];
  readonly root: PathNode[] = [];
  private readonly input: string;

  constructor(input: string) {
    this.input = input;
  }

  parse(): PathNode[] {
    for (;;) {
      const open = this.input.indexOf('{', this.pos);
      if (open < 0) {
        if (this.pos < this.input.length)
          this.root.push({ type: 'text', text: this.input.slice(this.pos) });
        return this.root;
      }
      if (open > this.pos) this.root.push({ type: 'text', text: this.input.slice(this.pos, open) });
      this.pos = open + 1;
      this.start = this.pos;
      this.current = [];
      this.root.push({ type: 'list', nodes: this.current });
      this.parseInsideAction();
    }
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.pos++;
      return EOF_CHAR;
    }
    const c = String.fromCodePoint(this.input.codePointAt(this.pos) as number);
    this.pos += c.length;
    return c;
  }

  private backup(c: string): void {
    this.pos -= c === EOF_CHAR ? 1 : c.length;
  }

  private peek(): string {
    const c = this.next();
    this.backup(c);
    return c;
  }

  private consume(): string {
    const text = this.input.slice(this.start, Math.min(this.pos, this.input.length));
    this.start = this.pos;
    return text;
  }

  private parseInsideAction(): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos++;
        this.consume();
        return;
      }
      if (rest.startsWith('[?(')) this.parseFilter();
      else if (rest.startsWith('..')) this.parseRecursive();
      else this.parseOne();
    }
  }

  private parseOne(): void {
    const r = this.next();
    if (r === EOF_CHAR || r === '\n' || r === '\r') throw new Error('unclosed action');
    if (r === ' ' || r === '@' || r === '$') this.consume();
    else if (r === '[') this.parseArray();
    else if (r === '"' || r === "'") this.parseQuote(r);
    else if (r === '.') this.parseField();
    else if (r === '+' || r === '-' || /\d/.test(r)) {
      this.backup(r);
      this.parseNumber();
    } else if (isAlphaNumeric(r)) {
      this.backup(r);
      this.parseIdentifier();
    } else {
      const code = r.codePointAt(0) as number;
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw new Error(`unrecognized character in action: U+${hex} '${r}'`);
    }
  }

  private readUntilTerminator(): void {
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        this.next();
        continue;
      }
      if (TERMINATORS.has(r)) {
        this.backup(r);
        return;
      }
    }
  }

  private parseIdentifier(): void {
    this.readUntilTerminator();
    const value = this.consume();
    if (value === 'range' || value === 'end')
      this.current.push({ type: 'identifier', name: value });
    else if (value === 'true' || value === 'false')
      this.current.push({ type: 'bool', value: value === 'true' });
    else throw new Error(`unrecognized identifier ${value}`);
  }

  private parseNumber(): void {
    const first = this.next();
    if (first !== '+' && first !== '-') this.backup(first);
    for (;;) {
      const r = this.next();
      if (r !== '.' && !/\d/.test(r)) {
        this.backup(r);
        break;
      }
    }
    const text = this.consume();
    if (text.includes('.')) {
      const value = Number(text);
      if (Number.isNaN(value)) throw new Error(`cannot parse number ${text}`);
      this.current.push({ type: 'float', value });
    } else {
      const value = Number(text);
      if (!/^[+-]?\d+$/.test(text)) throw new Error(`cannot parse number ${text}`);
      this.current.push({ type: 'int', value });
    }
  }

  private parseField(): void {
    this.consume();
    this.readUntilTerminator();
    const value = this.consume();
    if (value === '*') this.current.push({ type: 'wildcard' });
    else this.current.push({ type: 'field', name: value.replace(/\\/g, '') });
  }

  private parseRecursive(): void {
    if (this.input.startsWith('....', this.pos))
      throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    this.current.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField();
  }

  private parseQuote(end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF_CHAR || r === '\n') throw new Error('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const literal = this.consume();
    let text: string;
    try {
      text = unquoteGo(end === "'" ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal);
    } catch {
      throw new Error(`unquote string ${literal} error: invalid syntax`);
    }
    this.current.push({ type: 'text', text });
  }

  private parseArray(): void {
    for (;;) {
      const r = this.next();
      if (r === EOF_CHAR || r === '\n') throw new Error('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      const branches = parts.map((part) => actionNodes(`[${part.trim()}]`));
      this.current.push({ type: 'union', branches });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      this.current.push(...actionNodes(`.${key[1] ?? ''}`));
      return;
    }
    this.current.push({ type: 'array', params: sliceParams(text) });
  }

  private parseFilter(): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF_CHAR || r === '\n') throw new Error('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (r === pair && this.input[this.pos - 2] !== '\\') end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const match = FILTER.exec(text);
    if (!match) {
      this.current.push({ type: 'filter', left: actionNodes(text), right: [], operator: 'exists' });
      return;
    }
    const [, left = '', operator = '', right = ''] = match;
    this.current.push({
      type: 'filter',
      left: actionNodes(left),
      right: actionNodes(right),
      operator,
    });
  }
}

function sliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const match = SLICE.exec(text);
  if (!match) throw new Error(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    let raw = match[i + 1] ?? '';
    if (raw !== '') {
      if (i > 0) raw = raw.slice(1);
      if (i > 0 && raw === '') params.push({ value: 0, known: false, derived: false });
      else {
        const value = Number(raw);
        if (!/^-?\d+$/.test(raw)) throw new Error(`array index ${raw} is not a number`);
        params.push({ value, known: true, derived: false });
      }
    } else if (i === 1) {
      params.push({ value: (params[0]?.value ?? 0) + 1, known: true, derived: true });
    } else params.push({ value: 0, known: false, derived: false });
  }
  return params as [SliceParam, SliceParam, SliceParam];
}

function actionNodes(text: string): PathNode[] {
  const root = new Parser(`{${text}}`).parse();
  return root.flatMap((node) => (node.type === 'list' ? node.nodes : [node]));
}

/** Parses a kubectl JSONPath template into literal text and actions; throws on bad syntax. */
export function parseJsonPath(template: string): PathNode[] {
  return new Parser(template).parse();
}
