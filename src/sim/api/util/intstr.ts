// Mirrors k8s.io/apimachinery/pkg/util/intstr/intstr.go (GetScaledValueFromIntOrPercent and
// getIntOrPercentValueSafely); leaves out the IntOrString struct: here an IntOrString is a plain JSON
// number or string, exactly as it appears in a manifest (maxSurge: 1, maxUnavailable: "25%").

/** IntOrString is an int or a string as it arrives in JSON/YAML. */
export type IntOrString = number | string;

/** isPercent reports whether the value is the percent form ("25%") rather than an absolute count. */
export function isPercent(v: IntOrString | undefined): v is string {
  return typeof v === 'string' && v.endsWith('%');
}

const INT64_MAX = 2n ** 63n - 1n;

/** atoi is strconv.Atoi, with its error text (`strconv.Atoi: parsing "x": invalid syntax`). */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  // Up to 15 digits is exact as a double and far inside int64: no BigInt needed (every Deployment sync parses "25%").
  if (s.length <= 15) return Number(s);
  const n = BigInt(s);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(n);
}

/** getIntOrPercentValueSafely returns the number and whether it is a percentage; a bare numeric string is an error. */
function getIntOrPercentValueSafely(v: IntOrString): { value: number; percent: boolean } {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error('invalid type: neither int nor percentage');
    return { value: v, percent: false };
  }
  if (!v.endsWith('%')) throw new Error('invalid type: string is not a percentage');
  try {
    return { value: atoi(v.slice(0, -1)), percent: true };
  } catch (err) {
    throw new Error(`invalid value ${JSON.stringify(v)}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * getScaledValueFromIntOrPercent is GetScaledValueFromIntOrPercent: an int is returned as is; "p%" becomes
 * p * total / 100, rounded up (maxSurge) or down (maxUnavailable). Throws
 * `invalid value for IntOrString: ...` for anything else, and `nil value for IntOrString` for undefined.
 */
export function getScaledValueFromIntOrPercent(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) throw new Error('nil value for IntOrString');
  let parsed: { value: number; percent: boolean };
  try {
    parsed = getIntOrPercentValueSafely(v);
  } catch (err) {
    throw new Error(`invalid value for IntOrString: ${(err as Error).message}`, { cause: err });
  }
  if (!parsed.percent) return parsed.value;
  // Same float64 arithmetic as upstream: value * total first, then / 100.
  const scaled = (parsed.value * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
