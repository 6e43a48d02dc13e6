import { describe, expect, it } from 'vitest';
import { SeededRandom, hex32 } from './random';

/** uuidFromHex is how a uid used to be cut from hex(32): digit 12 becomes 4, digit 16 the variant 8 + (d & 3). */
function uuidFromHex(h: string): string {
  const variant = (8 + (parseInt(h[16]!, 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

describe('SeededRandom', () => {
  it('Seed 1 draws these uids and hex digits, in this order, as the sliced-string formatting did', () => {
    const r = new SeededRandom(1);
    expect([r.uuid(), r.uuid(), r.hex(64), r.hex(5), r.uuid()]).toEqual([
      '7ffffffe-7efd-4fe0-bf40-05413820781d',
      '9e94347a-fce1-4db5-a604-362eea6cf713',
      '792be3a2ea4a161c9f4cdc10a14b0ec138b52dff10fbe399b01a564f84086e9e',
      '6583e',
      '4300ea7d-de11-45a9-bc79-3c729ed08f5f',
    ]);
  });

  it('A negative seed and partial words: hex(12) draws two words and keeps 12 digits', () => {
    const r = new SeededRandom(-7);
    expect([r.hex(12), r.uuid(), r.hex(8)]).toEqual(['8000000686fa', '610011f9-9822-4702-9937-59f9f20629bd', '14f52b0d']);
  });

  it('A uid is hex(32) of the same draws with the version and variant digits set', () => {
    for (const seed of [0, 1, 42, 20260101, -123456]) {
      const a = new SeededRandom(seed);
      const b = new SeededRandom(seed);
      for (let i = 0; i < 50; i++) expect(a.uuid()).toBe(uuidFromHex(b.hex(32)));
    }
  });
});

describe('hex32', () => {
  const cases: { name: string; n: number; text: string }[] = [
    { name: 'Zero is eight zeros', n: 0, text: '00000000' },
    { name: 'Small numbers are padded with leading zeros', n: 0xabc, text: '00000abc' },
    { name: 'The largest signed 32-bit integer', n: 0x7fffffff, text: '7fffffff' },
    { name: 'Numbers at and above 2^31 keep their top digit', n: 0x80000000, text: '80000000' },
    { name: 'The largest unsigned 32-bit integer', n: 0xffffffff, text: 'ffffffff' },
    { name: 'Every digit in place', n: 0x1234abcd, text: '1234abcd' },
  ];
  it.each(cases)('$name', ({ n, text }) => {
    expect(hex32(n)).toBe(text);
  });
});
