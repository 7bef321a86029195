// Integer money arithmetic. Amounts are integer minor units (cents); rates and quantities are
// decimals turned into exact integers first, so a product is computed exactly (BigInt) and rounded
// once, half up to the minor unit (0.5 cent goes up). Amounts are never negative here.

/** Decimal places kept of a rate in percent (9.975 % is exact) and of a quantity (1.125 h). */
const RATE_SCALE = 1_000_000n;
const QUANTITY_SCALE = 1_000n;

/** The decimal `value` × `scale` as an exact integer (it must have at most log10(scale) decimals). */
function scaled(value: number, scale: bigint): bigint {
  return BigInt(Math.round(value * Number(scale)));
}

/** numerator / denominator rounded half up (both ≥ 0, denominator > 0). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError("Amount beyond the safe integer range");
  return n;
}

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Not an amount in minor units: ${amount}`);
  }
}

/** `percent` % of `amount`, half up: percentOf(1000, 9.975) = 100 (99.75 rounds up). */
export function percentOf(amount: number, percent: number): number {
  checkAmount(amount);
  if (!(percent >= 0)) throw new RangeError(`Not a percentage: ${percent}`);
  return toSafeNumber(
    divideHalfUp(BigInt(amount) * scaled(percent, RATE_SCALE), 100n * RATE_SCALE),
  );
}

/** quantity × unit price, half up: lineAmount(1.5, 3333) = 5000 (4999.5 rounds up). */
export function lineAmount(quantity: number, unitPrice: number): number {
  checkAmount(unitPrice);
  if (!(quantity >= 0)) throw new RangeError(`Not a quantity: ${quantity}`);
  return toSafeNumber(
    divideHalfUp(BigInt(unitPrice) * scaled(quantity, QUANTITY_SCALE), QUANTITY_SCALE),
  );
}

/**
 * Σ(amount_i × days_i) × percentPerMonth % / 30, half up once at the end: simple interest
 * pro-rated by day on a 30-day month, never on earlier fees.
 */
export function proratedMonthlyPercent(amountDays: bigint, percentPerMonth: number): number {
  return toSafeNumber(
    divideHalfUp(amountDays * scaled(percentPerMonth, RATE_SCALE), 100n * 30n * RATE_SCALE),
  );
}
