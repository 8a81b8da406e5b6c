import { quoteGo, unquoteGo } from '../jsonpath/go-strings.js';
import type { Item } from './lexer.js';
import { lexTemplate } from './lexer.js';
import type { ArgNode, CommandNode, ListNode, PipeNode, TemplateNode } from './nodes.js';
import { nodeString } from './nodes.js';

/** A template that failed to parse; the message is Go's `template: output:N: ...`. */
export class TemplateParseError extends Error {}

/** The parsed templates: the main one and those named by {{define}} or {{block}}. */
export type TemplateSet = Map<string, ListNode>;

type EndNode = { type: 'end'; pos: number } | { type: 'else'; pos: number };

function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.value;
  if (item.type === 'keyword' || item.type === 'nil') return `<${item.value}>`;
  const runes = [...item.value];
  if (runes.length > 10) return `${quoteGo(runes.slice(0, 10).join(''))}...`;
  return quoteGo(item.value);
}

const OPERAND_START = new Set([
  'bool',
  'charConstant',
  'complex',
  'dot',
  'field',
  'identifier',
  'number',
  'nil',
  'rawString',
  'string',
  'variable',
  'leftParen',
]);

/** A recursive-descent parser over lexed items, after text/template/parse. */
class Parser {
  private index = 0;
  private last: Item;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;

  constructor(
    private readonly items: Item[],
    private readonly name: string,
    private readonly hasFunction: (name: string) => boolean,
    private readonly set: TemplateSet,
  ) {
    this.last = items[0] as Item;
  }

  fail(message: string): never {
    throw new TemplateParseError(`template: ${this.name}:${this.last.line}: ${message}`);
  }

  next(): Item {
    const item = this.items[Math.min(this.index, this.items.length - 1)] as Item;
    this.index++;
    this.last = item;
    return item;
  }

  peek(): Item {
    return this.items[Math.min(this.index, this.items.length - 1)] as Item;
  }

  backup(count = 1): void {
    this.index -= count;
  }

  nextNonSpace(): Item {
    let item = this.next();
    while (item.type === 'space') item = this.next();
    return item;
  }

  peekNonSpace(): Item {
    const item = this.nextNonSpace();
    this.backup();
    return item;
  }

  unexpected(item: Item, context: string): never {
    if (item.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== item.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (item.value.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.fail(`${item.value}${extra}`);
    }
    this.fail(`unexpected ${itemString(item)} in ${context}`);
  }

  parseTop(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const mark = this.index;
        this.next();
        const word = this.nextNonSpace();
        if (word.type === 'keyword' && word.value === 'define') {
          this.parseDefinition();
          continue;
        }
        this.index = mark;
      }
      const node = this.textOrAction();
      if (node.type === 'end' || node.type === 'else') this.fail(`unexpected {{${node.type}}}`);
      root.nodes.push(node);
    }
    return root;
  }

  parseDefinition(): void {
    const token = this.nextNonSpace();
    if (token.type !== 'string' && token.type !== 'rawString')
      this.unexpected(token, 'define clause');
    const name = this.unquote(token.value);
    const close = this.nextNonSpace();
    if (close.type !== 'rightDelim') this.unexpected(close, 'define clause');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.fail(`unexpected {{${end.type}}} in define clause`);
    this.vars = saved;
    this.set.set(name, list);
  }

  itemList(): [ListNode, EndNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (node.type === 'end' || node.type === 'else') return [list, node];
      list.nodes.push(node);
    }
    this.fail('unexpected EOF');
  }

  textOrAction(): TemplateNode | EndNode {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { type: 'text', pos: token.pos, text: token.value };
    if (token.type !== 'leftDelim') this.unexpected(token, 'input');
    this.actionLine = token.line;
    try {
      return this.action();
    } finally {
      this.actionLine = 0;
    }
  }

  action(): TemplateNode | EndNode {
    const token = this.nextNonSpace();
    if (token.type === 'keyword') {
      switch (token.value) {
        case 'block':
          return this.blockControl();
        case 'break':
        case 'continue':
          return this.loopControl(token);
        case 'else':
          return this.elseControl();
        case 'end': {
          const close = this.nextNonSpace();
          if (close.type !== 'rightDelim') this.unexpected(close, 'end');
          return { type: 'end', pos: close.pos };
        }
        case 'if':
        case 'range':
        case 'with':
          return this.control(token.value);
        case 'template':
          return this.templateControl();
      }
    }
    this.backup();
    const start = this.peek();
    return { type: 'action', pos: start.pos, pipe: this.pipeline('command') };
  }

  loopControl(token: Item): TemplateNode {
    const close = this.nextNonSpace();
    if (close.type !== 'rightDelim') this.unexpected(close, `{{${token.value}}}`);
    if (this.rangeDepth === 0) this.fail(`{{${token.value}}} outside {{range}}`);
    return { type: token.value as 'break' | 'continue', pos: token.pos };
  }

  elseControl(): EndNode {
    const peek = this.peekNonSpace();
    if (peek.type === 'keyword' && (peek.value === 'if' || peek.value === 'with'))
      return { type: 'else', pos: peek.pos };
    const close = this.nextNonSpace();
    if (close.type !== 'rightDelim') this.unexpected(close, 'else');
    return { type: 'else', pos: close.pos };
  }

  control(kind: 'if' | 'range' | 'with'): TemplateNode {
    const mark = this.vars.length;
    if (kind === 'range') this.rangeDepth++;
    const pipe = this.pipeline(kind);
    const [list, next] = this.itemList();
    let elseList: ListNode | undefined;
    if (next.type === 'else') {
      const peek = this.peek();
      if ((kind === 'if' || kind === 'with') && peek.type === 'keyword' && peek.value === kind) {
        this.next();
        elseList = { type: 'list', pos: next.pos, nodes: [this.control(kind)] };
      } else {
        let end: EndNode;
        [elseList, end] = this.itemList();
        if (end.type !== 'end') this.fail(`expected end; found {{${end.type}}}`);
      }
    }
    if (kind === 'range') this.rangeDepth--;
    this.vars.length = mark;
    return { type: kind, pos: pipe.pos, pipe, list, ...(elseList ? { elseList } : {}) };
  }

  templateControl(): TemplateNode {
    const token = this.nextNonSpace();
    const name = this.templateName(token, 'template clause');
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline('template clause');
    }
    return { type: 'template', pos: token.pos, name, ...(pipe ? { pipe } : {}) };
  }

  blockControl(): TemplateNode {
    const token = this.nextNonSpace();
    const name = this.templateName(token, 'block clause');
    const pipe = this.pipeline('block clause');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    this.vars = saved;
    if (end.type !== 'end') this.fail(`unexpected {{${end.type}}} in block clause`);
    this.set.set(name, list);
    return { type: 'template', pos: token.pos, name, pipe };
  }

  templateName(token: Item, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquote(token.value);
  }

  unquote(literal: string): string {
    try {
      return unquoteGo(literal);
    } catch {
      this.fail('invalid syntax');
    }
  }

  pipeline(context: string): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: start.pos, isAssign: false, decl: [], cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === 'rightDelim' || token.type === 'rightParen') {
        this.checkPipeline(pipe, context);
        if (token.type === 'rightParen') this.backup();
        return pipe;
      }
      if (!OPERAND_START.has(token.type)) this.unexpected(token, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const variable = this.peekNonSpace();
      if (variable.type !== 'variable') return;
      const mark = this.index;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(variable.value);
        this.vars.push(variable.value);
        return;
      }
      if (next.type === 'char' && next.value === ',') {
        this.nextNonSpace();
        pipe.decl.push(variable.value);
        this.vars.push(variable.value);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.fail('range can only initialize variables');
        }
        this.fail(`too many declarations in ${context}`);
      }
      this.index = mark;
      return;
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((cmd, i) => {
      const first = cmd.args[0]?.type;
      if (first && ['bool', 'dot', 'nil', 'number', 'string'].includes(first))
        this.fail(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'error') this.fail(token.value);
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.fail(`unexpected ${itemString(token)} in operand`);
      break;
    }
    if (cmd.args.length === 0) this.fail('empty command');
    return cmd;
  }

  operand(): ArgNode | undefined {
    const node = this.term();
    if (!node || this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, idents: [...node.idents, ...fields] };
      case 'variable':
        return { type: 'variable', pos, idents: [...node.idents, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.fail(`unexpected . after term ${quoteGo(nodeString(node))}`);
      // eslint-disable-next-line no-fallthrough
      default:
        return { type: 'chain', pos, node, fields };
    }
  }

  term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'error':
        this.fail(token.value);
      // eslint-disable-next-line no-fallthrough
      case 'identifier':
        if (!this.hasFunction(token.value))
          this.fail(`function ${quoteGo(token.value)} not defined`);
        return { type: 'identifier', pos: token.pos, name: token.value };
      case 'dot':
        return { type: 'dot', pos: token.pos };
      case 'nil':
        return { type: 'nil', pos: token.pos };
      case 'variable':
        return this.useVar(token);
      case 'field':
        return { type: 'field', pos: token.pos, idents: [token.value.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.value === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.number(token);
      case 'leftParen': {
        const pipe = this.pipeline('parenthesized pipeline');
        const close = this.next();
        if (close.type !== 'rightParen')
          this.fail(`unclosed right paren: unexpected ${itemString(close)}`);
        return pipe;
      }
      case 'string':
      case 'rawString':
        return {
          type: 'string',
          pos: token.pos,
          quoted: token.value,
          text: this.unquote(token.value),
        };
    }
    this.backup();
    return undefined;
  }

  useVar(token: Item): ArgNode {
    const idents = token.value.split('.');
    if (!this.vars.includes(idents[0] as string))
      this.fail(`undefined variable ${quoteGo(idents[0] as string)}`);
    return { type: 'variable', pos: token.pos, idents };
  }

  number(token: Item): ArgNode {
    const text = token.value;
    if (token.type === 'complex') this.fail(`complex numbers are not supported: ${text}`);
    if (token.type === 'charConstant') {
      const rune = this.unquote(text).codePointAt(0) ?? 0;
      return { type: 'number', pos: token.pos, text, int: rune, float: rune };
    }
    const clean = text.replace(/_/g, '');
    const integer = parseGoInt(clean);
    if (integer !== undefined)
      return { type: 'number', pos: token.pos, text, int: integer, float: integer };
    const float = Number(clean.replace(/^\+/, ''));
    if (
      clean !== '' &&
      !Number.isNaN(float) &&
      /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)
    ) {
      if (!/[.eEpP]/.test(clean)) this.fail(`integer overflow: ${quoteGo(text)}`);
      return {
        type: 'number',
        pos: token.pos,
        text,
        float,
        ...(Number.isInteger(float) ? { int: float } : {}),
      };
    }
    this.fail(`illegal number syntax: ${quoteGo(text)}`);
  }
}

function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(
    text,
  );
  if (!match) return undefined;
  const body = match[2] as string;
  let value: number;
  if (/^0[oO]/.test(body)) value = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) value = parseInt(body.slice(2), 2);
  else if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body, 8);
  else value = Number(body);
  if (!Number.isSafeInteger(value)) return undefined;
  return match[1] === '-' ? -value : value;
}

/** Parses a template named `name` (kubectl: "output"); throws TemplateParseError. */
export function parseTemplate(
  text: string,
  name: string,
  hasFunction: (name: string) => boolean,
): TemplateSet {
  const set: TemplateSet = new Map();
  const parser = new Parser(lexTemplate(text), name, hasFunction, set);
  const root = parser.parseTop();
  const existing = set.get(name);
  if (!existing || root.nodes.some((n) => n.type !== 'text' || n.text.trim() !== ''))
    set.set(name, root);
  return set;
}
