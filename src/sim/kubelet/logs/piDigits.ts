// Math::BigFloat's bpi(N), which the Kubernetes docs' Job example prints (`perl -Mbignum=bpi -wle 'print bpi(2000)'`):
// pi to N significant digits, rounded. Computed with Machin's formula, pi = 16 atan(1/5) - 4 atan(1/239).

/** bpi is pi to `digits` significant digits, as `3.14159…`. */
export function bpi(digits: number): string {
  if (digits < 1) return '3';
  const guard = 10;
  const scale = 10n ** BigInt(digits - 1 + guard);
  const pi = 16n * arctanInverse(5n, scale) - 4n * arctanInverse(239n, scale);
  // Keep `digits` significant digits (one before the point), rounding half up on the guard digits.
  const rounded = (pi + 5n * 10n ** BigInt(guard - 1)) / 10n ** BigInt(guard);
  const text = rounded.toString();
  return digits === 1 ? text : `${text[0]}.${text.slice(1)}`;
}

/** arctanInverse is atan(1/x) scaled by `scale`, by its Taylor series. */
function arctanInverse(x: bigint, scale: bigint): bigint {
  const x2 = x * x;
  let power = scale / x;
  let sum = power;
  for (let n = 3n, sign = -1n; power !== 0n; n += 2n, sign = -sign) {
    power /= x2;
    sum += (sign * power) / n;
  }
  return sum;
}
