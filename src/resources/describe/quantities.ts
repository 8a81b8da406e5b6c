/** Quantity sums and fractions for the Node describer (resourcehelper.PodRequestsAndLimits). */
import type { Quantity } from '../generators/quantity.js';
import { canonicalQuantity, parseQuantity } from '../generators/quantity.js';
import type { Obj } from './fields.js';
import { arr, obj } from './fields.js';

const ZERO: Quantity = { mantissa: 0n, exponent: 0, format: 'DecimalSI' };

function parse(value: unknown): Quantity {
  try {
    return value === undefined ? ZERO : parseQuantity(String(value));
  } catch {
    return ZERO;
  }
}

/** a + b (the format of the first non-zero operand). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  if (a.mantissa === 0n) return b;
  if (b.mantissa === 0n) return a;
  const exponent = Math.min(a.exponent, b.exponent);
  const scale = (q: Quantity): bigint => q.mantissa * 10n ** BigInt(q.exponent - exponent);
  return { mantissa: scale(a) + scale(b), exponent, format: a.format };
}

function compare(a: Quantity, b: Quantity): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const diff =
    a.mantissa * 10n ** BigInt(a.exponent - exponent) -
    b.mantissa * 10n ** BigInt(b.exponent - exponent);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** The value in units of 10^-3 (MilliValue) as a float. */
export function milliValue(q: Quantity): number {
  return Number(q.mantissa) * 10 ** (q.exponent + 3);
}

/** Quantity.String(). */
export function quantityText(q: Quantity): string {
  return canonicalQuantity(q);
}

/** Requests and limits of a pod: containers summed, each init container as a floor, overhead added. */
export function podRequestsAndLimits(pod: Obj): {
  requests: Map<string, Quantity>;
  limits: Map<string, Quantity>;
} {
  const spec = obj(pod, 'spec');
  const result = { requests: new Map<string, Quantity>(), limits: new Map<string, Quantity>() };
  for (const [kind, key] of [
    ['requests', 'requests'],
    ['limits', 'limits'],
  ] as const) {
    const total = result[kind];
    for (const c of arr(spec, 'containers'))
      for (const [name, value] of Object.entries(obj(obj(c, 'resources'), key)))
        total.set(name, addQuantities(total.get(name) ?? ZERO, parse(value)));
    for (const c of arr(spec, 'initContainers'))
      for (const [name, value] of Object.entries(obj(obj(c, 'resources'), key))) {
        const q = parse(value);
        if (compare(q, total.get(name) ?? ZERO) > 0) total.set(name, q);
      }
    for (const [name, value] of Object.entries(obj(spec, 'overhead')))
      if (total.has(name)) total.set(name, addQuantities(total.get(name) ?? ZERO, parse(value)));
  }
  return result;
}

/** The quantity of a resource list entry. */
export function quantityOf(list: Obj, name: string): Quantity {
  return parse(list[name]);
}

/** A zero quantity. */
export const ZERO_QUANTITY = ZERO;
