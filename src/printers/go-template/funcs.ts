import { FuncError, goEq, goLe, goLt } from './compare.js';
import { htmlEscape, jsEscape, queryEscape } from './escape.js';
import { goSprintValues, goSprintf, goSprintln } from './printf.js';
import { GoInt, goTypeName, isTrue, kindOf, numberOf } from './values.js';
import type { GoValue } from './values.js';

/**
 * How an argument reaches a function: 'value' as is (reflect.Value: a missing value stays
 * missing), 'any' as interface{} (missing becomes nil), 'string' must be a string.
 */
export type ParamType = 'value' | 'any' | 'string';

/** A template function: its parameters and its Go behaviour. */
export interface TemplateFunc {
  params: ParamType[];
  variadic?: ParamType;
  call(args: GoValue[]): GoValue;
}

function concrete(value: GoValue): GoValue {
  return value === null ? undefined : value;
}

function length(item: GoValue): GoInt {
  if (item === null) throw new FuncError('len of nil pointer');
  if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  switch (kindOf(item)) {
    case 'string':
      return new GoInt(Buffer.byteLength(item as string));
    case 'slice':
      return new GoInt((item as unknown[]).length);
    case 'map':
      return new GoInt(Object.keys(item as object).length);
    default:
      throw new FuncError(`len of type ${goTypeName(item)}`);
  }
}

function indexArg(index: GoValue, cap: number): number {
  const value = concrete(index);
  if (value === undefined) throw new FuncError('cannot index slice/array with nil');
  if (kindOf(value) !== 'int')
    throw new FuncError(`cannot index slice/array with type ${goTypeName(value)}`);
  const x = numberOf(value);
  if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
  return x;
}

/** Go's index: indexArg lets len through, then reflect panics on it. */
function elementIndex(index: GoValue, length: number, what: 'slice' | 'string'): number {
  const x = indexArg(index, length);
  if (x === length) throw new FuncError(`reflect: ${what} index out of range`);
  return x;
}

function indexOne(item: GoValue, index: GoValue): GoValue {
  if (item === null) throw new FuncError('index of nil pointer');
  const kind = kindOf(item);
  if (kind === 'slice')
    return (item as unknown[])[elementIndex(index, (item as unknown[]).length, 'slice')];
  if (kind === 'string') {
    const bytes = Buffer.from(item as string, 'utf8');
    return bytes[elementIndex(index, bytes.length, 'string')];
  }
  if (kind === 'map') {
    const key = concrete(index) ?? '';
    if (typeof key !== 'string')
      throw new FuncError(`value has type ${goTypeName(key)}; should be string`);
    const map = item as Record<string, unknown>;
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
  }
  throw new FuncError(`can't index item of type ${goTypeName(item)}`);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  let current = concrete(item);
  if (current === undefined) throw new FuncError('index of untyped nil');
  for (const i of indexes) current = indexOne(current, i);
  return current;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  const value = concrete(item);
  if (value === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const kind = kindOf(value);
  if (kind !== 'string' && kind !== 'slice')
    throw new FuncError(`can't slice item of type ${goTypeName(value)}`);
  if (kind === 'string' && indexes.length === 3)
    throw new FuncError('cannot 3-index slice a string');
  const cap = kind === 'string' ? Buffer.byteLength(value as string) : (value as unknown[]).length;
  const bounds = [0, cap];
  indexes.slice(0, 2).forEach((i, n) => (bounds[n] = indexArg(i, cap)));
  const [from = 0, to = cap] = bounds;
  if (from > to) throw new FuncError(`invalid slice index: ${from} > ${to}`);
  if (kind === 'string')
    return Buffer.from(value as string, 'utf8')
      .subarray(from, to)
      .toString('utf8');
  return (value as unknown[]).slice(from, to);
}

function exists(item: GoValue, ...indexes: GoValue[]): boolean {
  let current = item;
  for (const i of indexes) {
    if (current === null || current === undefined) return false;
    const kind = kindOf(current);
    if (kind === 'slice' || kind === 'string') {
      if (kindOf(i) !== 'int') return false;
      const x = numberOf(i);
      const items =
        kind === 'string' ? [...Buffer.from(current as string)] : (current as unknown[]);
      if (x < 0 || x >= items.length) return false;
      current = items[x];
    } else if (kind === 'map') {
      const key = i ?? '';
      if (typeof key !== 'string') return false;
      current = (current as Record<string, unknown>)[key] ?? null;
    } else return false;
  }
  return current !== null && current !== undefined;
}

function base64decode(text: GoValue): string {
  const input = text as string;
  const bad = /[^A-Za-z0-9+/=]/.exec(input);
  const badPad = /=[^=]|=.*[^=]$/.exec(input);
  if (bad || badPad || input.length % 4 !== 0) {
    const at = bad?.index ?? badPad?.index ?? input.length - (input.length % 4);
    throw new FuncError(`base64 decode failed: illegal base64 data at input byte ${at}`);
  }
  return Buffer.from(input, 'base64').toString('utf8');
}

function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return goSprintValues(args);
}

const comparing = (fn: (a: GoValue, b: GoValue) => boolean): TemplateFunc => ({
  params: ['value', 'value'],
  call: ([a, b]) => fn(a, b),
});

/** text/template's builtins plus kubectl's `exists` and `base64decode` (no sprig in v1.34). */
export const TEMPLATE_FUNCS: Record<string, TemplateFunc> = {
  and: { params: ['value'], variadic: 'value', call: () => undefined },
  or: { params: ['value'], variadic: 'value', call: () => undefined },
  not: { params: ['value'], call: ([a]) => !isTrue(a) },
  len: { params: ['value'], call: ([a]) => length(a) },
  index: { params: ['value'], variadic: 'value', call: ([a, ...rest]) => index(a, ...rest) },
  slice: { params: ['value'], variadic: 'value', call: ([a, ...rest]) => slice(a, ...rest) },
  call: {
    params: ['value'],
    variadic: 'value',
    call: ([fn]) => {
      if (fn === undefined || fn === null) throw new FuncError('call of nil');
      throw new FuncError(`non-function of type ${goTypeName(fn)}`);
    },
  },
  print: { params: [], variadic: 'any', call: (args) => goSprintValues(args) },
  printf: {
    params: ['string'],
    variadic: 'any',
    call: ([format, ...args]) => goSprintf(format as string, args),
  },
  println: { params: [], variadic: 'any', call: (args) => goSprintln(args) },
  html: { params: [], variadic: 'any', call: (args) => htmlEscape(evalArgs(args)) },
  js: { params: [], variadic: 'any', call: (args) => jsEscape(evalArgs(args)) },
  urlquery: { params: [], variadic: 'any', call: (args) => queryEscape(evalArgs(args)) },
  eq: { params: ['value'], variadic: 'value', call: ([a, ...rest]) => goEq(a, ...rest) },
  ne: comparing((a, b) => !goEq(a, b)),
  lt: comparing(goLt),
  le: comparing(goLe),
  gt: comparing((a, b) => !goLe(a, b)),
  ge: comparing((a, b) => !goLt(a, b)),
  exists: { params: ['any'], variadic: 'any', call: ([a, ...rest]) => exists(a, ...rest) },
  base64decode: { params: ['string'], call: ([text]) => base64decode(text) },
};
