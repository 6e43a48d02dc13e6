import { describe, expect, it } from 'vitest';
import { bpi } from './piDigits';

describe('bpi prints pi as Perl Math::BigFloat does', () => {
  it.each([
    ['one digit is 3', 1, '3'],
    ['30 significant digits are rounded, as perl -Mbignum=bpi prints them', 30, '3.14159265358979323846264338328'],
    ['100 digits', 100, '3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068'],
  ])('%s', (_, digits, want) => {
    expect(bpi(digits)).toBe(want);
  });

  it('1000 digits end as perl prints them', () => {
    const pi = bpi(1000);
    expect(pi.length).toBe(1001);
    expect(pi.slice(-39)).toBe('171226806613001927876611195909216420199');
  });
});
