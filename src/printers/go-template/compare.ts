import { formatValue } from './printf.js';
import { goTypeName, kindOf, numberOf } from './values.js';
import type { GoValue } from './values.js';

/** An error a template function returns (exec wraps it as `error calling NAME: ...`). */
export class FuncError extends Error {}

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(value: GoValue): BasicKind {
  const kind = kindOf(value);
  return kind === 'bool' || kind === 'int' || kind === 'float' || kind === 'string'
    ? kind
    : 'invalid';
}

function incompatible(a: GoValue, b: GoValue): FuncError {
  return new FuncError(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
}

function unwrap(value: GoValue): GoValue {
  return value === null ? undefined : value;
}

function same(kind: BasicKind, a: GoValue, b: GoValue): boolean {
  if (kind === 'int' || kind === 'float') return numberOf(a) === numberOf(b);
  return a === b;
}

/** Go's eq: arg1 == any of the others; basic kinds only, ints of any size alike. */
export function goEq(first: GoValue, ...others: GoValue[]): boolean {
  const a = unwrap(first);
  if (others.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const other of others) {
    const b = unwrap(other);
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw incompatible(a, b);
    } else if (k1 !== 'invalid') truth = same(k1, a, b);
    else if (a === undefined && b === undefined) truth = true;
    else if (a === undefined || b === undefined)
      throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
    else throw new FuncError(`non-comparable type ${formatValue(b, 'v')}: ${goTypeName(b)}`);
    if (truth) return true;
  }
  return false;
}

/** Go's lt over basic kinds of the same kind (bools excluded). */
export function goLt(first: GoValue, second: GoValue): boolean {
  const a = unwrap(first);
  const b = unwrap(second);
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw incompatible(a, b);
  if (k1 === 'bool') throw new FuncError('invalid type for comparison');
  if (k1 === 'string')
    return Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)) < 0;
  return numberOf(a) < numberOf(b);
}

/** Go's le: lt or eq. */
export function goLe(a: GoValue, b: GoValue): boolean {
  return goLt(a, b) || goEq(a, b);
}
