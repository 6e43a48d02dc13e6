// Cases from k8s.io/apimachinery/pkg/util/intstr/intstr_test.go (TestGetIntFromIntOrPercent,
// TestGetScaledValueFromIntOrPercent) and the Deployment defaults of 25%/25%.
import { describe, expect, it } from 'vitest';
import { getScaledValueFromIntOrPercent, isPercent, type IntOrString } from './intstr';

describe('getScaledValueFromIntOrPercent', () => {
  it.each<[IntOrString, number, boolean, number]>([
    [123, 0, false, 123],
    [123, 0, true, 123],
    ['90%', 100, true, 90],
    ['90%', 95, true, 86],
    ['90%', 95, false, 85],
    ['25%', 3, true, 1],
    ['25%', 3, false, 0],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['25%', 4, true, 1],
    ['25%', 4, false, 1],
    ['0%', 10, true, 0],
    ['100%', 7, false, 7],
    ['150%', 10, true, 15],
    ['-50%', 10, false, -5],
    ['+10%', 10, true, 1],
    ['33%', 3, true, 1],
    ['33%', 3, false, 0],
    [0, 5, true, 0],
    [-1, 5, false, -1],
  ])('%j of %d (roundUp %s) is %d', (v, total, roundUp, want) => {
    expect(getScaledValueFromIntOrPercent(v, total, roundUp)).toBe(want);
  });

  it.each<[IntOrString | undefined, string]>([
    [undefined, 'nil value for IntOrString'],
    ['%', 'invalid value for IntOrString: invalid value "%": strconv.Atoi: parsing "": invalid syntax'],
    ['90#', 'invalid value for IntOrString: invalid type: string is not a percentage'],
    ['#%', 'invalid value for IntOrString: invalid value "#%": strconv.Atoi: parsing "#": invalid syntax'],
    ['90', 'invalid value for IntOrString: invalid type: string is not a percentage'],
    ['x', 'invalid value for IntOrString: invalid type: string is not a percentage'],
    ['1.5%', 'invalid value for IntOrString: invalid value "1.5%": strconv.Atoi: parsing "1.5": invalid syntax'],
    [' 5%', 'invalid value for IntOrString: invalid value " 5%": strconv.Atoi: parsing " 5": invalid syntax'],
    [
      '99999999999999999999%',
      'invalid value for IntOrString: invalid value "99999999999999999999%": strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    [1.5, 'invalid value for IntOrString: invalid type: neither int nor percentage'],
  ])('rejects %j with %j', (v, message) => {
    expect(() => getScaledValueFromIntOrPercent(v, 10, true)).toThrow(new Error(message));
  });
});

describe('isPercent', () => {
  it.each<[IntOrString | undefined, boolean]>([
    ['25%', true],
    ['%', true],
    ['25', false],
    [25, false],
    [undefined, false],
  ])('%j is a percentage: %s', (v, want) => {
    expect(isPercent(v)).toBe(want);
  });
});
