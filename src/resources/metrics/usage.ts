/**
 * Resource usage as kubectl's metricsutil reads it: exact sums of quantities (metrics-server
 * reports CPU in nanocores, so rounding each container first would change a pod's total), then
 * resource.Quantity's MilliValue/Value, which round up.
 */
import type { Quantity } from '../generators/quantity.js';
import { parseQuantity } from '../generators/quantity.js';

/** An exact amount: value = units × 10^exponent. */
export interface Amount {
  units: bigint;
  exponent: number;
}

export const ZERO_AMOUNT: Amount = { units: 0n, exponent: 0 };

/** A quantity string as an Amount; an unreadable or missing one counts as zero, as in Go's map lookup. */
export function amountOf(text: string | undefined): Amount {
  if (text === undefined) return ZERO_AMOUNT;
  let quantity: Quantity;
  try {
    quantity = parseQuantity(text);
  } catch {
    return ZERO_AMOUNT;
  }
  return { units: quantity.mantissa, exponent: quantity.exponent };
}

/** 10^0 … 10^40: top sums and rounds thousands of amounts, and BigInt powers are not cheap. */
const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 41 }, (_, i) => 10n ** BigInt(i));

function tenTo(power: number): bigint {
  return POWERS_OF_TEN[power] ?? 10n ** BigInt(power);
}

/** a + b, exactly. */
export function addAmounts(a: Amount, b: Amount): Amount {
  if (a.units === 0n) return b;
  if (b.units === 0n) return a;
  if (a.exponent === b.exponent) return { units: a.units + b.units, exponent: a.exponent };
  const exponent = Math.min(a.exponent, b.exponent);
  const scale = (x: Amount): bigint => x.units * tenTo(x.exponent - exponent);
  return { units: scale(a) + scale(b), exponent };
}

/** The amount in units of 10^scale, rounded up (Quantity.ScaledValue). */
function scaledValue(amount: Amount, scale: number): bigint {
  const shift = amount.exponent - scale;
  if (shift >= 0) return amount.units * tenTo(shift);
  const divisor = tenTo(-shift);
  const quotient = amount.units / divisor;
  return amount.units % divisor > 0n ? quotient + 1n : quotient;
}

/** Quantity.MilliValue(): thousandths, rounded up. */
export function milliValue(amount: Amount): bigint {
  return scaledValue(amount, -3);
}

/** Quantity.Value(): whole units, rounded up. */
export function wholeValue(amount: Amount): bigint {
  return scaledValue(amount, 0);
}
