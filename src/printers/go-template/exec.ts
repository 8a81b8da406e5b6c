import { quoteGo } from '../jsonpath/go-strings.js';
import { FuncError } from './compare.js';
import type { ParamType, TemplateFunc } from './funcs.js';
import type {
  AnyNode,
  ArgNode,
  CommandNode,
  ControlNode,
  ListNode,
  PipeNode,
  TemplateNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import type { TemplateSet } from './parser.js';
import { formatValue } from './printf.js';
import { GoFloat, GoInt, goTypeName, isTrue, kindOf, sortedKeys } from './values.js';
import type { GoValue } from './values.js';

/** A failure while executing; the message is Go's `template: output:L:C: executing ...`. */
export class TemplateExecError extends Error {}

/** Where a template runs: its text (for error positions), templates, functions, options. */
export interface ExecContext {
  name: string;
  text: string;
  templates: TemplateSet;
  funcs: Record<string, TemplateFunc>;
  /** missingkey=error (kubectl's --allow-missing-template-keys=false). */
  missingKeyError: boolean;
  write: (text: string) => void;
}

const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

class LoopSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

const MAX_DEPTH = 10000;

/** One execution of a template (text/template's state). */
export class TemplateState {
  private node: AnyNode | undefined;
  private vars: Array<{ name: string; value: GoValue }>;
  private depth = 0;

  constructor(
    private readonly context: ExecContext,
    private readonly root: GoValue,
  ) {
    this.vars = [{ name: '$', value: root }];
  }

  /** Runs the named template over the data. */
  run(list: ListNode): void {
    this.walk(this.root, list);
  }

  private fail(message: string): never {
    const { name, text } = this.context;
    if (!this.node) throw new TemplateExecError(`template: ${name}: ${message}`);
    const before = text.slice(0, this.node.pos);
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const column = Buffer.byteLength(before.slice(lineStart));
    const where = `${name}:${line}:${column}`;
    throw new TemplateExecError(
      `template: ${where}: executing ${quoteGo(name)} at <${nodeString(this.node)}>: ${message}`,
    );
  }

  private at(node: AnyNode): void {
    this.node = node;
  }

  private walk(dot: GoValue, node: TemplateNode): void {
    this.at(node);
    switch (node.type) {
      case 'text':
        this.context.write(node.text);
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, value);
        return;
      }
      case 'list':
        for (const child of node.nodes) this.walk(dot, child);
        return;
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const value = this.evalPipeline(dot, node.pipe);
        if (isTrue(value)) this.walk(node.type === 'with' ? value : dot, node.list);
        else if (node.elseList) this.walk(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'break':
      case 'continue':
        throw new LoopSignal(node.type);
    }
  }

  private walkRange(dot: GoValue, node: ControlNode): void {
    this.at(node);
    const outer = this.vars.length;
    const value = this.evalPipeline(dot, node.pipe);
    const mark = this.vars.length;
    const decl = node.pipe.decl.length;
    if (decl > 1 && kindOf(value) === 'int')
      this.fail(`can't use ${formatValue(value, 'v')} to iterate over more than one variable`);
    const entries = this.rangeEntries(value);
    let ran = false;
    for (const [key, element] of entries) {
      ran = true;
      if (decl > 0) (this.vars[this.vars.length - 1] as { value: GoValue }).value = element;
      if (decl > 1) (this.vars[this.vars.length - 2] as { value: GoValue }).value = key;
      try {
        this.walk(element, node.list);
      } catch (signal) {
        if (!(signal instanceof LoopSignal)) throw signal;
        this.vars.length = mark;
        if (signal.kind === 'break') break;
        continue;
      }
      this.vars.length = mark;
    }
    if (!ran && node.elseList) this.walk(dot, node.elseList);
    this.vars.length = outer;
  }

  private *rangeEntries(value: GoValue): Generator<[GoValue, GoValue]> {
    switch (kindOf(value)) {
      case 'slice': {
        const items = value as unknown[];
        for (let i = 0; i < items.length; i++) yield [new GoInt(i), items[i]];
        return;
      }
      case 'map': {
        const map = value as Record<string, unknown>;
        for (const key of sortedKeys(map)) yield [key, map[key]];
        return;
      }
      case 'int': {
        const count = value instanceof GoInt ? value.value : (value as number);
        for (let i = 0; i < count; i++) {
          const n = value instanceof GoInt ? new GoInt(i) : i;
          yield [n, n];
        }
        return;
      }
      case 'invalid':
      case 'nil':
        return;
      default:
        this.fail(`range can't iterate over ${formatValue(value, 'v')}`);
    }
  }

  private walkTemplate(dot: GoValue, node: Extract<TemplateNode, { type: 'template' }>): void {
    this.at(node);
    const list = this.context.templates.get(node.name);
    if (!list) this.fail(`template ${quoteGo(node.name)} not defined`);
    if (this.depth >= MAX_DEPTH) this.fail(`exceeded maximum template depth (${MAX_DEPTH})`);
    const value = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
    const saved = this.vars;
    this.vars = [{ name: '$', value }];
    this.depth++;
    try {
      this.walk(value, list);
    } finally {
      this.depth--;
      this.vars = saved;
    }
  }

  private printValue(node: AnyNode, value: GoValue): void {
    this.at(node);
    this.context.write(
      value === undefined || value === null ? '<no value>' : formatValue(value, 'v'),
    );
  }

  private evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null) value = undefined;
    }
    const result = value === MISSING ? undefined : value;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, result);
      else this.vars.push({ name, value: result });
    }
    return result;
  }

  private setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const variable = this.vars[i] as { name: string; value: GoValue };
      if (variable.name === name) {
        variable.value = value;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const variable = this.vars[i] as { name: string; value: GoValue };
      if (variable.name === name) return variable.value;
    }
    return this.fail(`undefined variable: ${name}`);
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING)
      this.fail(`can't give argument to non-function ${nodeString(args[0] as ArgNode)}`);
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.idents, cmd.args, final, true);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.fail('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(node: Extract<ArgNode, { type: 'number' }>): GoValue {
    this.at(node);
    const isHexInt = /^[+-]?0[xX]/.test(node.text) && !/[pP]/.test(node.text);
    if (
      node.float !== undefined &&
      !isHexInt &&
      !node.text.startsWith("'") &&
      /[.eEpP]/.test(node.text)
    )
      return new GoFloat(node.float);
    if (node.int !== undefined) return new GoInt(node.int);
    return this.fail(`${node.text} overflows int`);
  }

  private evalChain(
    dot: GoValue,
    chain: Extract<ArgNode, { type: 'chain' }>,
    args: ArgNode[],
    final: Final,
  ): GoValue {
    this.at(chain);
    if (chain.node.type === 'nil')
      this.fail(`indirection through explicit nil in ${nodeString(chain)}`);
    const receiver = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, receiver, chain, chain.fields, args, final, false);
  }

  private evalVariable(
    dot: GoValue,
    node: Extract<ArgNode, { type: 'variable' }>,
    args: ArgNode[],
    final: Final,
  ): GoValue {
    this.at(node);
    const value = this.varValue(node.idents[0] as string);
    if (node.idents.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, node, node.idents.slice(1), args, final, false);
  }

  private evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    node: AnyNode,
    idents: string[],
    args: ArgNode[],
    final: Final,
    fromDot: boolean,
  ): GoValue {
    let current = receiver;
    idents.forEach((ident, i) => {
      const last = i === idents.length - 1;
      const viaInterface = i > 0 || (fromDot && dot !== this.root);
      current = this.evalField(
        ident,
        last ? args : [],
        last ? final : MISSING,
        current,
        viaInterface,
      );
    });
    void node;
    return current;
  }

  private evalField(
    name: string,
    args: ArgNode[],
    final: Final,
    receiver: GoValue,
    viaInterface: boolean,
  ): GoValue {
    if (receiver === undefined) {
      if (this.context.missingKeyError) this.fail(`nil data; no entry for key ${quoteGo(name)}`);
      return undefined;
    }
    if (receiver === null) return this.fail(`nil pointer evaluating interface {}.${name}`);
    if (kindOf(receiver) === 'map') {
      if (args.length > 1 || final !== MISSING)
        this.fail(`${name} is not a method but has arguments`);
      const map = receiver as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(map, name)) return map[name];
      if (this.context.missingKeyError) this.fail(`map has no entry for key ${quoteGo(name)}`);
      return undefined;
    }
    const type = viaInterface ? 'interface {}' : goTypeName(receiver);
    return this.fail(`can't evaluate field ${name} in type ${type}`);
  }

  private evalFunction(
    dot: GoValue,
    node: Extract<ArgNode, { type: 'identifier' }>,
    cmd: AnyNode,
    args: ArgNode[],
    final: Final,
  ): GoValue {
    this.at(node);
    const fn = this.context.funcs[node.name];
    if (!fn) return this.fail(`${quoteGo(node.name)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.name, args, final);
  }

  private evalCall(
    dot: GoValue,
    fn: TemplateFunc,
    node: AnyNode,
    name: string,
    allArgs: ArgNode[],
    final: Final,
  ): GoValue {
    const args = allArgs.slice(1);
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    const numFixed = fn.variadic ? fn.params.length : args.length;
    if (fn.variadic) {
      if (numIn < numFixed)
        this.fail(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fn.params.length)
      this.fail(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    if (name === 'and' || name === 'or') return this.shortCircuit(dot, name, args, final);
    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++)
      argv.push(this.evalArg(dot, fn.params[i], args[i] as ArgNode));
    for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i] as ArgNode));
    if (final !== MISSING) {
      const type = fn.variadic && numIn - 1 >= numFixed ? fn.variadic : fn.params[numIn - 1];
      argv.push(this.validateType(final, type));
    }
    try {
      return fn.call(argv);
    } catch (error) {
      if (!(error instanceof FuncError)) throw error;
      this.at(node);
      return this.fail(`error calling ${name}: ${error.message}`);
    }
  }

  private shortCircuit(dot: GoValue, name: string, args: ArgNode[], final: Final): GoValue {
    let value: GoValue;
    for (const arg of args) {
      value = this.evalArg(dot, 'value', arg);
      if (isTrue(value) === (name === 'or')) return value;
    }
    if (final !== MISSING) value = final;
    return value;
  }

  private validateType(value: GoValue, type: ParamType | undefined): GoValue {
    if (type === 'any') return value === undefined ? null : value;
    if (type !== 'string') return value;
    if (value === undefined) return this.fail('invalid value; expected string');
    if (typeof value === 'string') return value;
    const got = value === null ? 'interface {}' : goTypeName(value);
    return this.fail(`wrong type for value; expected string; got ${got}`);
  }

  private evalArg(dot: GoValue, type: ParamType | undefined, node: ArgNode): GoValue {
    this.at(node);
    switch (node.type) {
      case 'dot':
        return this.validateType(dot, type);
      case 'nil':
        if (type === 'string') return this.fail('cannot assign nil to string');
        return type === 'any' ? null : undefined;
      case 'field':
        return this.validateType(
          this.evalFieldChain(dot, dot, node, node.idents, [node], MISSING, true),
          type,
        );
      case 'variable':
        return this.validateType(this.evalVariable(dot, node, [], MISSING), type);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, node), type);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, node, node, [node], MISSING), type);
      case 'chain':
        return this.validateType(this.evalChain(dot, node, [], MISSING), type);
    }
    if (type === 'string') {
      if (node.type === 'string') return node.text;
      return this.fail(`expected string; found ${nodeString(node)}`);
    }
    switch (node.type) {
      case 'bool':
        return node.value;
      case 'number':
        return this.idealConstant(node);
      default:
        return node.text;
    }
  }
}
