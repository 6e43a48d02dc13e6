// Mirrors k8s.io/apimachinery/pkg/api/resource (quantity.go, amount.go, suffix.go, math.go, scale_int.go);
// leaves out protobuf/CBOR, Mul/RoundUp, and upstream's int64-or-inf.Dec dual representation: one exact
// bigint decimal stands in for both, so results never carry float error.
//
// ATTENTION: toString() returns the input text unchanged when upstream's parser caches it as "already canonical"
// (e.g. "+1", "1E3", "1.100"); upstream does the same (kubernetes/kubernetes#138165), and the API server echoes it.

/** QuantityFormat is how a quantity remembers to print itself: 12e6, 12Mi (12 * 2^20) or 12M (12 * 10^6). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Parse errors, worded as upstream's ErrFormatWrong, ErrNumeric and ErrSuffix. */
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

/** QuantityError is thrown for text that is not a quantity; its message is one of upstream's three errors. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const MAX_INT32 = 2147483647;
/** Nano is the smallest scale a parsed quantity keeps; finer input is rounded up to it. */
const NANO = -9;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

const DIGITS = '0123456789';
const SUFFIX_CHARS = 'eEinumkKMGTP';

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** scanQuantity is parseQuantityString: sign, numerator (leading zeros stripped), denominator and suffix. */
function scanQuantity(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };

  let i = pos;
  while (i < end && DIGITS.includes(str[i]!)) i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && DIGITS.includes(str[i]!)) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && DIGITS.includes(str[pos]!)) pos++;
  if (pos < end) throw new QuantityError(ERR_FORMAT_WRONG);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

/** interpretSuffix is suffixer.interpret; exponents outside the int32 scale are rejected as upstream now does. */
function interpretSuffix(s: string): Suffix | undefined {
  if (s in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[s]!, format: 'DecimalSI' };
  if (s in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[s]!, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const exponent = Number(s.slice(1));
    if (Math.abs(exponent) <= MAX_INT32) return { base: 10, exponent, format: 'DecimalExponent' };
  }
  return undefined;
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);
const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** divPow10AwayFromZero divides by 10^k (k > 0), rounding away from zero; exact reports a zero remainder. */
function divPow10AwayFromZero(v: bigint, k: number): { q: bigint; exact: boolean } {
  if (v === 0n) return { q: 0n, exact: true };
  if (k > abs(v).toString().length) return { q: v < 0n ? -1n : 1n, exact: false };
  const d = pow10(k);
  const q = v / d;
  if (v % d === 0n) return { q, exact: true };
  return { q: v < 0n ? q - 1n : q + 1n, exact: false };
}

/**
 * Quantities parsed so far, by text. Every pod of a ReplicaSet repeats the same few ("10m", "16Mi"), and a Quantity
 * is immutable (its lazily cached text is a pure function of it), so one instance serves every reader. Bounded,
 * since typed text is not; texts that do not parse are not kept and throw every time.
 */
const parsed = new Map<string, Quantity>();
const PARSED_MEMO_SIZE = 4096;

/** Quantity is a fixed-point number with a remembered format: "500m", "1Gi", "1e3". Immutable. */
export class Quantity {
  /** value = unscaled * 10^exponent. */
  private readonly unscaled: bigint;
  private readonly exponent: number;
  readonly format: QuantityFormat;
  private text: string | undefined;

  private constructor(unscaled: bigint, exponent: number, format: QuantityFormat, text?: string) {
    this.unscaled = unscaled;
    this.exponent = exponent;
    this.format = format;
    this.text = text;
  }

  /** parse is ParseQuantity. Numbers are read through their JSON text, as the API server reads `cpu: 0.5`. */
  static parse(input: string | number): Quantity {
    const str = typeof input === 'number' ? String(input) : input;
    let q = parsed.get(str);
    if (q === undefined) {
      q = Quantity.parseText(str);
      if (parsed.size >= PARSED_MEMO_SIZE) parsed.clear();
      parsed.set(str, q);
    }
    return q;
  }

  private static parseText(str: string): Quantity {
    if (str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI', str);

    const { positive, num, denom, suffix } = scanQuantity(str);
    const sfx = interpretSuffix(suffix);
    if (!sfx) throw new QuantityError(ERR_SUFFIX);
    const digits = BigInt(num + denom);
    const sign = positive ? 1n : -1n;

    // Upstream's int64 fast path: used when the digits fit and no rounding is needed; it can fail with
    // ErrNumeric on 19-digit input and it keeps the input as the cached string when it looks canonical.
    let precision: number;
    if (sfx.base === 10) precision = 19 - (num.length + denom.length);
    else precision = denom.length === 0 ? 15 - num.length - Math.trunc((sfx.exponent * 3) / 10) - 1 : -1;
    const scale = (sfx.base === 10 ? sfx.exponent : 0) - denom.length;
    if (precision >= 0 && scale >= NANO) {
      if (digits > INT64_MAX) throw new QuantityError(ERR_NUMERIC);
      const result = sfx.base === 2 ? digits << BigInt(sfx.exponent) : digits;
      if (result <= INT64_MAX) {
        const shifted = num + denom;
        const canonical =
          sfx.base === 2
            ? (digits & 7n) !== 0n
            : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return new Quantity(sign * result, scale, sfx.format, canonical ? str : undefined);
      }
    }

    let amount = sfx.base === 2 ? digits << BigInt(sfx.exponent) : digits;
    let exponent = sfx.base === 10 ? sfx.exponent - denom.length : -denom.length;
    let format = sfx.format;
    // Non-zero values round up to the smallest representable amount: if you ask for some, you get some.
    if (amount !== 0n && exponent < NANO) {
      amount = divPow10AwayFromZero(amount, NANO - exponent).q;
      exponent = NANO;
    }
    if (format === 'BinarySI') {
      if (amount > INT64_MAX * pow10(Math.max(0, -exponent))) {
        amount = INT64_MAX;
        exponent = 0;
      }
      if (amount !== 0n && amount < pow10(Math.max(0, -exponent))) format = 'DecimalSI';
    }
    return new Quantity(sign * amount, exponent, format);
  }

  /** fromValue is NewQuantity: an integer in the given format. */
  static fromValue(value: number | bigint, format: QuantityFormat): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }

  /** fromMilliValue is NewMilliQuantity: value / 1000 in the given format. */
  static fromMilliValue(value: number | bigint, format: QuantityFormat): Quantity {
    return new Quantity(BigInt(value), -3, format);
  }

  /** fromScaledValue is NewScaledQuantity: value * 10^scale (upstream fixes DecimalSI; here it is a choice). */
  static fromScaledValue(value: number | bigint, scale: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), scale, format);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  /** scaledValue is ScaledValue: ceil(q / 10^scale), rounded away from zero, saturating at the int64 rails. */
  scaledValue(scale: number): number {
    if (this.unscaled === 0n) return 0;
    const delta = this.exponent - scale;
    let result: bigint;
    if (delta < 0) {
      result = divPow10AwayFromZero(this.unscaled, -delta).q;
    } else {
      const digits = abs(this.unscaled).toString().length;
      result = digits + delta > 19 ? (this.unscaled < 0n ? INT64_MIN : INT64_MAX) : this.unscaled * pow10(delta);
    }
    if (result > INT64_MAX) result = INT64_MAX;
    if (result < INT64_MIN) result = INT64_MIN;
    return Number(result);
  }

  /** value is Value(): the integer value, rounded up (away from zero). */
  value(): number {
    return this.scaledValue(0);
  }

  /** milliValue is MilliValue(): ceil(q * 1000). */
  milliValue(): number {
    return this.scaledValue(-3);
  }

  /** asApproximateFloat64 is AsApproximateFloat64: for display and ratios only, never for bookkeeping. */
  asApproximateFloat64(): number {
    return Number(this.unscaled) * 10 ** this.exponent;
  }

  /** cmp is Cmp: -1, 0 or 1 as this is less than, equal to or greater than other. */
  cmp(other: Quantity): -1 | 0 | 1 {
    const a = this.sign();
    const b = other.sign();
    if (a !== b) return a > b ? 1 : -1;
    if (a === 0) return 0;
    // Decide by order of magnitude first so that 1e2000000000 never gets written out in digits.
    const orderA = abs(this.unscaled).toString().length + this.exponent;
    const orderB = abs(other.unscaled).toString().length + other.exponent;
    if (orderA !== orderB) return (orderA > orderB ? a : -a) as -1 | 1;
    const e = Math.min(this.exponent, other.exponent);
    const x = this.unscaled * pow10(this.exponent - e);
    const y = other.unscaled * pow10(other.exponent - e);
    return x === y ? 0 : x < y ? -1 : 1;
  }

  /** add is Add; a zero receiver takes the other's format so that 0 + 1Gi prints as "1Gi". */
  add(other: Quantity): Quantity {
    const format = this.isZero() ? other.format : this.format;
    const e = Math.min(this.exponent, other.exponent);
    const sum = this.unscaled * pow10(this.exponent - e) + other.unscaled * pow10(other.exponent - e);
    return new Quantity(sum, e, format);
  }

  /** sub is Sub; a zero receiver takes the other's format. */
  sub(other: Quantity): Quantity {
    return this.add(other.neg());
  }

  /** neg is Neg. */
  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exponent, this.format);
  }

  /** toString is String(): the canonical form (see CanonicalizeBytes), or the cached input text. */
  toString(): string {
    this.text ??= this.canonicalize();
    return this.text;
  }

  toJSON(): string {
    return this.toString();
  }

  private canonicalize(): string {
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    let rounded = 0n;
    if (format === 'BinarySI') {
      // Values between -1024 and 1024 would print without a binary suffix anyway; avoid rounding them.
      if (this.cmp(KI) < 0 && this.cmp(MINUS_KI) > 0) {
        format = 'DecimalSI';
      } else if (this.exponent >= 0) {
        rounded = this.unscaled * pow10(this.exponent);
      } else {
        const r = divPow10AwayFromZero(this.unscaled, -this.exponent);
        rounded = r.q;
        // Don't lose precision: show as DecimalSI.
        if (!r.exact) format = 'DecimalSI';
      }
    }
    if (format === 'BinarySI') {
      let mantissa = rounded;
      let times = 0;
      while (abs(mantissa) >= 1024n && mantissa % 1024n === 0n) {
        mantissa /= 1024n;
        times++;
      }
      const suffix = BINARY_BY_EXPONENT.get(times * 10) ?? (times === 0 ? '' : undefined);
      // Past "Ei" there is no binary suffix: fall back to exact decimal-exponent notation, as upstream does.
      if (suffix !== undefined) return `${mantissa}${suffix}`;
      format = 'DecimalExponent';
    }
    let mantissa = this.unscaled;
    let exponent = this.exponent;
    while (mantissa % 10n === 0n) {
      mantissa /= 10n;
      exponent++;
    }
    while (exponent % 3 !== 0) {
      mantissa *= 10n;
      exponent--;
    }
    if (format === 'DecimalSI') {
      const suffix = DECIMAL_BY_EXPONENT.get(exponent);
      // DecimalSI has no suffix beyond "E" or below "n": fall back to exponent notation.
      if (suffix !== undefined) return `${mantissa}${suffix}`;
    }
    return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  }
}

const KI = Quantity.fromValue(1024, 'DecimalSI');
const MINUS_KI = Quantity.fromValue(-1024, 'DecimalSI');

/** parseQuantity is ParseQuantity; throws QuantityError. */
export function parseQuantity(input: string | number): Quantity {
  return Quantity.parse(input);
}

/** tryParseQuantity returns undefined for anything that is not a valid quantity string or number. */
export function tryParseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  try {
    return Quantity.parse(input);
  } catch (err) {
    if (err instanceof QuantityError) return undefined;
    throw err;
  }
}
