/** The comparisons of client-go's jsonpath filters (its copy of text/template's eq/lt). */

type Kind = 'int' | 'float' | 'string' | 'bool' | 'other';

function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'other';
}

const BAD_COMPARISON = 'incompatible types for comparison';

/** A JSON value tagged as float (literals like `0.5` and non-integral JSON numbers). */
export class FloatValue {
  constructor(readonly value: number) {}
}

function normalise(value: unknown): [Kind, unknown] {
  if (value instanceof FloatValue) return ['float', value.value];
  return [kindOf(value), value];
}

/** `==`, `!=`, `<`, `<=`, `>`, `>=` as the filter evaluates them; throws on mismatched types. */
export function compareFilter(operator: string, left: unknown, right: unknown): boolean {
  const [lk, lv] = normalise(left);
  const [rk, rv] = normalise(right);
  if (operator === '==' || operator === '!=') {
    if (lk !== rk || lk === 'other') {
      if (lk === 'other' && rk === 'other') throw new Error('invalid type for comparison');
      throw new Error(BAD_COMPARISON);
    }
    return (lv === rv) === (operator === '==');
  }
  if (lk !== rk || lk === 'other' || lk === 'bool') {
    if (lk === 'bool' && rk === 'bool') throw new Error('invalid type for comparison');
    throw new Error(BAD_COMPARISON);
  }
  const a = lv as number | string;
  const b = rv as number | string;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}
