// Tables ported from k8s.io/apimachinery/pkg/api/resource/quantity_test.go.
import { describe, expect, it } from 'vitest';
import {
  ERR_FORMAT_WRONG,
  ERR_NUMERIC,
  ERR_SUFFIX,
  Quantity,
  QuantityError,
  type QuantityFormat,
  parseQuantity,
  tryParseQuantity,
} from './quantity';

/** dec builds upstream's decQuantity(i, exponent, format): i * 10^exponent. */
const dec = (i: number | bigint, exponent: number, format: QuantityFormat): Quantity =>
  Quantity.fromScaledValue(i, exponent, format);

const MAX_INT64 = (1n << 63n) - 1n;

// TestQuantityParse: input, exact expected value, expected format.
const parseCases: [string, Quantity][] = [
  ['0', dec(0, 0, 'DecimalSI')],
  ['0n', dec(0, 0, 'DecimalSI')],
  ['0u', dec(0, 0, 'DecimalSI')],
  ['0m', dec(0, 0, 'DecimalSI')],
  ['0Ki', dec(0, 0, 'BinarySI')],
  ['0k', dec(0, 0, 'DecimalSI')],
  ['0Mi', dec(0, 0, 'BinarySI')],
  ['0M', dec(0, 0, 'DecimalSI')],
  ['0Gi', dec(0, 0, 'BinarySI')],
  ['0G', dec(0, 0, 'DecimalSI')],
  ['0Ti', dec(0, 0, 'BinarySI')],
  ['0T', dec(0, 0, 'DecimalSI')],
  ['1', dec(1, 0, 'DecimalSI')],
  ['1Ki', dec(1024, 0, 'BinarySI')],
  ['8Ki', dec(8 * 1024, 0, 'BinarySI')],
  ['7Mi', dec(7 * 1024 * 1024, 0, 'BinarySI')],
  ['6Gi', dec(6 * 1024 ** 3, 0, 'BinarySI')],
  ['5Ti', dec(5 * 1024 ** 4, 0, 'BinarySI')],
  ['4Pi', dec(4n * 1024n ** 5n, 0, 'BinarySI')],
  ['3Ei', dec(3n * 1024n ** 6n, 0, 'BinarySI')],
  ['10Ti', dec(10 * 1024 ** 4, 0, 'BinarySI')],
  ['100Ti', dec(100 * 1024 ** 4, 0, 'BinarySI')],
  ['5n', dec(5, -9, 'DecimalSI')],
  ['4u', dec(4, -6, 'DecimalSI')],
  ['3m', dec(3, -3, 'DecimalSI')],
  ['9', dec(9, 0, 'DecimalSI')],
  ['8k', dec(8, 3, 'DecimalSI')],
  ['50k', dec(5, 4, 'DecimalSI')],
  ['7M', dec(7, 6, 'DecimalSI')],
  ['6G', dec(6, 9, 'DecimalSI')],
  ['5T', dec(5, 12, 'DecimalSI')],
  ['40T', dec(4, 13, 'DecimalSI')],
  ['300T', dec(3, 14, 'DecimalSI')],
  ['2P', dec(2, 15, 'DecimalSI')],
  ['1E', dec(1, 18, 'DecimalSI')],
  ['1E-3', dec(1, -3, 'DecimalExponent')],
  ['1e3', dec(1, 3, 'DecimalExponent')],
  ['1E6', dec(1, 6, 'DecimalExponent')],
  ['1e9', dec(1, 9, 'DecimalExponent')],
  ['1E12', dec(1, 12, 'DecimalExponent')],
  ['1e15', dec(1, 15, 'DecimalExponent')],
  ['1E18', dec(1, 18, 'DecimalExponent')],
  ['1e14', dec(1, 14, 'DecimalExponent')],
  ['1e13', dec(1, 13, 'DecimalExponent')],
  ['100.035k', dec(100035, 0, 'DecimalSI')],
  ['0.001', dec(1, -3, 'DecimalSI')],
  ['0.0005k', dec(5, -1, 'DecimalSI')],
  ['0.005', dec(5, -3, 'DecimalSI')],
  ['0.05', dec(5, -2, 'DecimalSI')],
  ['0.5', dec(5, -1, 'DecimalSI')],
  ['0.00050k', dec(5, -1, 'DecimalSI')],
  ['0.00500', dec(5, -3, 'DecimalSI')],
  ['0.05000', dec(5, -2, 'DecimalSI')],
  ['0.50000', dec(5, -1, 'DecimalSI')],
  ['0.5e0', dec(5, -1, 'DecimalExponent')],
  ['0.5e-1', dec(5, -2, 'DecimalExponent')],
  ['0.5e-2', dec(5, -3, 'DecimalExponent')],
  ['10.035M', dec(10035, 3, 'DecimalSI')],
  ['1.2e3', dec(12, 2, 'DecimalExponent')],
  ['1.3E+6', dec(13, 5, 'DecimalExponent')],
  ['1.40e9', dec(14, 8, 'DecimalExponent')],
  ['1.53E12', dec(153, 10, 'DecimalExponent')],
  ['1.6e15', dec(16, 14, 'DecimalExponent')],
  ['1.7E18', dec(17, 17, 'DecimalExponent')],
  ['9.01', dec(901, -2, 'DecimalSI')],
  ['8.1k', dec(81, 2, 'DecimalSI')],
  ['7.123456M', dec(7123456, 0, 'DecimalSI')],
  ['6.987654321G', dec(6987654321, 0, 'DecimalSI')],
  ['5.444T', dec(5444, 9, 'DecimalSI')],
  ['40.1T', dec(401, 11, 'DecimalSI')],
  ['300.2T', dec(3002, 11, 'DecimalSI')],
  ['2.5P', dec(25, 14, 'DecimalSI')],
  ['1.01E', dec(101, 16, 'DecimalSI')],
  ['3.001n', dec(4, -9, 'DecimalSI')],
  ['1.1E-9', dec(2, -9, 'DecimalExponent')],
  ['0.0000000001', dec(1, -9, 'DecimalSI')],
  ['0.0000000005', dec(1, -9, 'DecimalSI')],
  ['0.00000000050', dec(1, -9, 'DecimalSI')],
  ['0.5e-9', dec(1, -9, 'DecimalExponent')],
  ['0.9n', dec(1, -9, 'DecimalSI')],
  ['0.00000012345', dec(124, -9, 'DecimalSI')],
  ['0.00000012354', dec(124, -9, 'DecimalSI')],
  ['9Ei', dec(MAX_INT64, 0, 'BinarySI')],
  ['9223372036854775807Ki', dec(MAX_INT64, 0, 'BinarySI')],
  ['12E', dec(12, 18, 'DecimalSI')],
  ['100.035Ki', dec(10243584, -2, 'BinarySI')],
  ['0.5Mi', dec(0.5 * 1024 * 1024, 0, 'BinarySI')],
  ['0.05Gi', dec(536870912, -1, 'BinarySI')],
  ['0.025Ti', dec(274877906944, -1, 'BinarySI')],
  ['0.000000000001Ki', dec(2, -9, 'DecimalSI')],
  ['.001', dec(1, -3, 'DecimalSI')],
  ['.0001k', dec(100, -3, 'DecimalSI')],
  ['1.', dec(1, 0, 'DecimalSI')],
  ['1.G', dec(1, 9, 'DecimalSI')],
];

describe('Quantity.parse (TestQuantityParse)', () => {
  it.each(parseCases)('parses %s to the exact expected amount and format', (input, want) => {
    const got = parseQuantity(input);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(want.format);
  });

  it.each(parseCases)('parses -%s to the negated amount with the same format', (input, want) => {
    const got = parseQuantity(`-${input}`);
    expect(got.cmp(want.neg())).toBe(0);
    expect(got.format).toBe(want.format);
  });

  it.each(parseCases)('parses +%s to the same amount and format', (input, want) => {
    const got = parseQuantity(`+${input}`);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(want.format);
  });

  it.each<[string, string]>([
    ['', ERR_FORMAT_WRONG],
    ['1.1.M', ERR_FORMAT_WRONG],
    ['1+1.0M', ERR_FORMAT_WRONG],
    ['0.1mi', ERR_SUFFIX],
    ['0.1am', ERR_FORMAT_WRONG],
    ['aoeu', ERR_FORMAT_WRONG],
    ['.5i', ERR_SUFFIX],
    ['1i', ERR_SUFFIX],
    ['-3.01i', ERR_SUFFIX],
    ['-3.01e-', ERR_SUFFIX],
    ['1e4294967297', ERR_SUFFIX],
    [' 1', ERR_FORMAT_WRONG],
    ['1 ', ERR_FORMAT_WRONG],
    ['1mi', ERR_SUFFIX],
    ['1MI', ERR_FORMAT_WRONG],
    ['1gi', ERR_FORMAT_WRONG],
    ['1Ki ', ERR_FORMAT_WRONG],
    ['1e', ERR_SUFFIX],
    ['1 Gi', ERR_FORMAT_WRONG],
    ['Non-Numeric', ERR_FORMAT_WRONG],
    ['9999999999999999999', ERR_NUMERIC],
  ])('rejects %j with upstream error %j', (input, message) => {
    expect(() => parseQuantity(input)).toThrow(new QuantityError(message));
  });

  it('words the format error exactly as upstream ErrFormatWrong', () => {
    expect(ERR_FORMAT_WRONG).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it.each<[number, string, QuantityFormat]>([
    [1, '1', 'DecimalSI'],
    [0.5, '500m', 'DecimalSI'],
    [0.25, '250m', 'DecimalSI'],
    [2.5, '2500m', 'DecimalSI'],
    [0, '0', 'DecimalSI'],
    [1e21, '1e+21', 'DecimalExponent'],
    [1e-7, '100e-9', 'DecimalExponent'],
  ])('reads the YAML number %d as its JSON text, printing %s', (input, text, format) => {
    const q = parseQuantity(input);
    expect(q.toString()).toBe(text);
    expect(q.format).toBe(format);
  });
});

describe('Quantity.toString (TestQuantityString)', () => {
  // [quantity, canonical form, alternate spelling that must canonicalize the same way]
  const cases: [Quantity, string, string][] = [
    [dec(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
    [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
    [dec(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
    [dec(1001 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
    [dec(1024 ** 4, 0, 'BinarySI'), '1Ti', '1024Gi'],
    [dec(5, 0, 'BinarySI'), '5', '5000m'],
    [dec(500, -3, 'BinarySI'), '500m', '0.5'],
    [dec(1, 9, 'DecimalSI'), '1G', '1000M'],
    [dec(1000, 6, 'DecimalSI'), '1G', '0.001T'],
    [dec(1000000, 3, 'DecimalSI'), '1G', ''],
    [dec(1000000000, 0, 'DecimalSI'), '1G', ''],
    [dec(1, -3, 'DecimalSI'), '1m', '1000u'],
    [dec(80, -3, 'DecimalSI'), '80m', ''],
    [dec(1080, -3, 'DecimalSI'), '1080m', '1.08'],
    [dec(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
    [dec(10800, -4, 'DecimalSI'), '1080m', ''],
    [dec(300, 6, 'DecimalSI'), '300M', ''],
    [dec(1, 12, 'DecimalSI'), '1T', ''],
    [dec(1, 18, 'DecimalSI'), '1E', ''],
    [dec(1, 21, 'DecimalSI'), '1e21', '1000E'],
    [dec(5, 21, 'DecimalSI'), '5e21', '5000E'],
    [dec(1, 24, 'DecimalSI'), '1e24', '1000000E'],
    [dec(1, 70, 'BinarySI'), '10e69', ''],
    [dec(2, 70, 'BinarySI'), '20e69', ''],
    [dec(1, 72, 'BinarySI'), '1e72', ''],
    [dec(1234567, 6, 'DecimalSI'), '1234567M', ''],
    [dec(1234567, -3, 'BinarySI'), '1234567m', ''],
    [dec(3, 3, 'DecimalSI'), '3k', ''],
    [dec(1025, 0, 'BinarySI'), '1025', ''],
    [dec(0, 0, 'DecimalSI'), '0', ''],
    [dec(0, 0, 'BinarySI'), '0', ''],
    [dec(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
    [dec(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
    [dec(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
    [dec(80, -3, 'DecimalExponent'), '80e-3', ''],
    [dec(300, 6, 'DecimalExponent'), '300e6', ''],
    [dec(1, 12, 'DecimalExponent'), '1e12', ''],
    [dec(1, 3, 'DecimalExponent'), '1e3', ''],
    [dec(3, 3, 'DecimalExponent'), '3e3', ''],
    [dec(0, 0, 'DecimalExponent'), '0', '00'],
    [dec(1, -9, 'DecimalSI'), '1n', ''],
    [dec(80, -9, 'DecimalSI'), '80n', ''],
    [dec(1080, -9, 'DecimalSI'), '1080n', ''],
    [dec(108, -8, 'DecimalSI'), '1080n', ''],
    [dec(10800, -10, 'DecimalSI'), '1080n', ''],
    [dec(1, -6, 'DecimalSI'), '1u', ''],
    [dec(80, -6, 'DecimalSI'), '80u', ''],
    [dec(1080, -6, 'DecimalSI'), '1080u', ''],
  ];

  it.each(cases)('prints %s as %s and reads that back unchanged', (q, canonical) => {
    expect(q.toString()).toBe(canonical);
    expect(parseQuantity(canonical).toString()).toBe(canonical);
  });

  it.each(cases.filter(([, , alt]) => alt !== ''))('canonicalizes %s: the alternate %s prints as %s', (_q, canonical, alternate) => {
    expect(parseQuantity(alternate).toString()).toBe(canonical);
  });

  it.each(cases.filter(([q]) => !q.isZero()))('prints the negation of %s as -%s', (q, canonical) => {
    expect(q.neg().toString()).toBe(`-${canonical}`);
  });

  it.each<[Quantity, string]>([
    [dec(2000, 0, 'BinarySI'), '2000'],
    [dec(-2000, 0, 'BinarySI'), '-2000'],
    [dec(1, -12, 'DecimalSI'), '1e-12'],
    [dec(1, -10, 'DecimalSI'), '100e-12'],
  ])('prints %s without a suffix it does not have, as %s', (q, text) => {
    expect(q.toString()).toBe(text);
  });

  it('prints 2^70 in BinarySI, past Ei, as its exact decimal digits', () => {
    const q = parseQuantity('1Ei').add(dec((1n << 70n) - (1n << 60n), 0, 'BinarySI'));
    expect(q.toString()).toBe('1180591620717411303424');
    expect(parseQuantity(q.toString()).cmp(q)).toBe(0);
  });

  it.each<[string, string]>([
    ['1.001', '1.001'],
    ['1.100', '1.100'],
    ['1.000001', '1.000001'],
    ['+1', '+1'],
    ['01', '01'],
    ['1E3', '1E3'],
    ['1.08', '1080m'],
    ['1.5', '1500m'],
    ['1.5Gi', '1536Mi'],
  ])('keeps upstream parse cache: %s prints as %s (kubernetes/kubernetes#138165)', (input, text) => {
    expect(parseQuantity(input).toString()).toBe(text);
  });
});

describe('Quantity parse then emit (TestQuantityParseEmit)', () => {
  const cases: [string, string][] = [
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['0.5', '500m'],
    ['1.08', '1080m'],
    ['100m', '100m'],
    ['2048Ki', '2Mi'],
    ['1536Mi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['123Mi', '123Mi'],
  ];
  it.each(cases)('emits %s as %s', (input, output) => {
    expect(parseQuantity(input).toString()).toBe(output);
  });
  it.each(cases)('emits -%s as -%s', (input, output) => {
    expect(parseQuantity(`-${input}`).toString()).toBe(`-${output}`);
  });
});

describe('Quantity.value and milliValue round up away from zero (TestNegativeValueRoundsAwayFromZero)', () => {
  it.each<[string, number, number]>([
    ['-.484785E-7466', -1, -1],
    ['.484785E-7466', 1, 1],
    ['-.484785E-1', -1, -49],
    ['.484785E-1', 1, 49],
    ['-0.0005', -1, -1],
    ['0.0005', 1, 1],
    ['-1500m', -2, -1500],
    ['1500m', 2, 1500],
    ['-9.5000000001Gi', -10200547329, -10200547328108],
    ['9.5000000001Gi', 10200547329, 10200547328108],
    ['-1', -1, -1000],
    ['1', 1, 1000],
    ['0', 0, 0],
    ['100m', 1, 100],
    ['250m', 1, 250],
    ['0.1m', 1, 1],
    ['1n', 1, 1],
    ['1Ki', 1024, 1024000],
    ['128Mi', 134217728, 134217728000],
    ['1.5', 2, 1500],
    ['12E', Number(MAX_INT64), Number(MAX_INT64)],
  ])('%s has value %d and milli value %d', (input, value, milli) => {
    const q = parseQuantity(input);
    expect(q.value()).toBe(value);
    expect(q.milliValue()).toBe(milli);
  });

  // TestScaledValue: 1 * 10^from read at scale `to`.
  it.each<[number, number, number]>([
    [-9, -9, 1],
    [-9, -6, 1],
    [-9, -3, 1],
    [-9, 0, 1],
    [-6, -9, 1000],
    [-6, -6, 1],
    [-6, -3, 1],
    [-6, 0, 1],
    [-3, -9, 1000 * 1000],
    [-3, -6, 1000],
    [-3, -3, 1],
    [-3, 0, 1],
    [0, -9, 1000 * 1000 * 1000],
    [0, -6, 1000 * 1000],
    [0, -3, 1000],
    [0, 0, 1],
    [2, -2, 100 * 100],
  ])('1 at scale %d read at scale %d is %d', (from, to, want) => {
    expect(Quantity.fromScaledValue(1, from).scaledValue(to)).toBe(want);
  });
});

describe('Quantity constructors (TestNewSet, TestMilliNewSet, TestNewScaledSet)', () => {
  it.each<[number, QuantityFormat, string]>([
    [1, 'DecimalSI', '1'],
    [1000, 'DecimalSI', '1k'],
    [1234000, 'DecimalSI', '1234k'],
    [1024, 'BinarySI', '1Ki'],
    [1000000, 'DecimalExponent', '1e6'],
    [1024 * 1024, 'BinarySI', '1Mi'],
  ])('fromValue(%d, %s) prints %s and reads back the same value', (value, format, text) => {
    const q = Quantity.fromValue(value, format);
    expect(q.toString()).toBe(text);
    expect(parseQuantity(text).value()).toBe(value);
  });

  it.each<[number, QuantityFormat, string]>([
    [1, 'DecimalSI', '1m'],
    [1000, 'DecimalSI', '1'],
    [1234000, 'DecimalSI', '1234'],
    [1024, 'BinarySI', '1024m'],
    [1000000, 'DecimalExponent', '1e3'],
    [1024 * 1024, 'BinarySI', '1048576m'],
  ])('fromMilliValue(%d, %s) prints %s', (value, format, text) => {
    expect(Quantity.fromMilliValue(value, format).toString()).toBe(text);
  });

  it.each<[number, number, string]>([
    [1, -9, '1n'],
    [1000, -9, '1u'],
    [1, -6, '1u'],
    [1000, -6, '1m'],
    [1, -3, '1m'],
    [1000, -3, '1'],
    [1, 0, '1'],
    [0, -9, '0'],
    [0, -6, '0'],
    [0, -3, '0'],
    [0, 0, '0'],
  ])('fromScaledValue(%d, %d) prints %s and reads back at that scale', (value, scale, text) => {
    expect(Quantity.fromScaledValue(value, scale).toString()).toBe(text);
    expect(parseQuantity(text).scaledValue(scale)).toBe(value);
  });
});

describe('Quantity arithmetic and comparison', () => {
  it.each<[string, string, -1 | 0 | 1, -1 | 0 | 1]>([
    ['0', '0', 0, 0],
    ['100m', '50m', 1, -1],
    ['50m', '100m', -1, 1],
    ['10000T', '100Gi', 1, -1],
    ['1Gi', '1024Mi', 0, 0],
    ['1G', '1Gi', -1, 1],
    ['500m', '0.5', 0, 0],
    ['1e2000000000', '1', 1, -1],
    ['-1e2000000000', '1', -1, 1],
    ['1e-2000000000', '1n', 0, 0],
  ])('compares %s with %s as %d, and the other way round as %d (TestQuantityCmp)', (x, y, want, inverse) => {
    expect(parseQuantity(x).cmp(parseQuantity(y))).toBe(want);
    expect(parseQuantity(y).cmp(parseQuantity(x))).toBe(inverse);
  });

  it.each(['100m', '1Gi'])('keeps the suffix of %s when adding zero on either side (TestQuantityAddZeroPreservesSuffix)', (text) => {
    const zero = parseQuantity('0');
    expect(parseQuantity(text).add(zero).toString()).toBe(text);
    expect(zero.add(parseQuantity(text)).toString()).toBe(text);
  });

  it.each(['100m', '1Gi'])('keeps the suffix of %s when subtracting with zero (TestQuantitySubZeroPreservesSuffix)', (text) => {
    const zero = parseQuantity('0');
    expect(parseQuantity(text).sub(zero).toString()).toBe(text);
    expect(zero.sub(parseQuantity(text)).toString()).toBe(`-${text}`);
  });

  it.each<[Quantity, Quantity, Quantity, QuantityFormat]>([
    [dec(10, 0, 'DecimalSI'), dec(1, 1, 'DecimalSI'), dec(0, 0, 'DecimalSI'), 'DecimalSI'],
    [dec(10, 0, 'DecimalSI'), dec(1, 0, 'BinarySI'), dec(9, 0, 'DecimalSI'), 'DecimalSI'],
    [dec(10, 0, 'BinarySI'), dec(1, 0, 'DecimalSI'), dec(9, 0, 'BinarySI'), 'BinarySI'],
    [dec(0, 0, 'DecimalSI'), dec(50, 0, 'DecimalSI'), dec(-50, 0, 'DecimalSI'), 'DecimalSI'],
    [dec(50, 0, 'DecimalSI'), dec(0, 0, 'DecimalSI'), dec(50, 0, 'DecimalSI'), 'DecimalSI'],
  ])('subtracts %s - %s = %s in format %s (TestSub)', (a, b, want, format) => {
    const got = a.sub(b);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(format);
  });

  it('adds requests exactly where floats would drift: 100m + 200m = 300m', () => {
    expect(parseQuantity('100m').add(parseQuantity('200m')).toString()).toBe('300m');
    expect(parseQuantity(0.1).add(parseQuantity(0.2)).cmp(parseQuantity('300m'))).toBe(0);
  });

  it('negates 9.01 to -9010m without touching the source (TestQuantityNeg)', () => {
    const q = dec(901, -2, 'DecimalSI');
    expect(q.neg().toString()).toBe('-9010m');
    expect(q.toString()).toBe('9010m');
  });

  it('negates the most negative int64 to 2^63 exactly (TestNegAndSubAtMostNegative)', () => {
    expect(dec(-(1n << 63n), 0, 'DecimalSI').neg().toString()).toBe('9223372036854775808');
    expect(dec(1, -3, 'DecimalSI').sub(dec(-(1n << 63n), -3, 'DecimalSI')).toString()).toBe('9223372036854775809m');
  });

  it('serializes to JSON as its string form', () => {
    expect(JSON.stringify({ cpu: parseQuantity('0.5') })).toBe('{"cpu":"500m"}');
  });

  it('approximates 1.5Gi as a float for display', () => {
    expect(parseQuantity('1.5Gi').asApproximateFloat64()).toBe(1610612736);
  });
});

describe('tryParseQuantity', () => {
  it.each<[unknown, string | undefined]>([
    ['500m', '500m'],
    [2, '2'],
    ['1mi', undefined],
    [' 1', undefined],
    [undefined, undefined],
    [null, undefined],
    [{}, undefined],
    [Number.NaN, undefined],
  ])('reads %j as %j', (input, text) => {
    expect(tryParseQuantity(input)?.toString()).toBe(text);
  });
});

describe('parsed quantities are remembered by text', () => {
  it('parsing the same text twice gives the one immutable instance, and a number reads as its text', () => {
    const first = parseQuantity('16Mi');
    expect([parseQuantity('16Mi') === first, parseQuantity(0.25) === parseQuantity('0.25'), first.toString()]).toEqual([true, true, '16Mi']);
  });

  it('a remembered quantity prints its canonical form, whoever asks first', () => {
    expect([parseQuantity('1000m').toString(), parseQuantity('1000m').toString()]).toEqual(['1', '1']);
  });

  it('text that does not parse is not remembered: it throws the same error every time', () => {
    expect(() => parseQuantity('1mi')).toThrow(ERR_SUFFIX);
    expect(() => parseQuantity('1mi')).toThrow(ERR_SUFFIX);
  });
});
