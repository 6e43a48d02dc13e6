import { describe, expect, it } from 'vitest';
import { parseText, textAt, TextPacker } from './packedTexts';

describe('packed texts', () => {
  it('lays texts end to end as UTF-8 and finds each again by its end offsets', () => {
    const packer = new TextPacker();
    for (const text of ['{"a":1}', '"Zurück → weiter"', '[]']) packer.add(text);
    const packed = packer.pack();
    expect([packed.bytes.length, packed.ends, packer.count]).toEqual([29, [7, 27, 29], 3]);
    expect([0, 1, 2].map((i) => parseText(textAt(packed, i)))).toEqual([{ a: 1 }, 'Zurück → weiter', []]);
  });

  it('grows its buffer for texts longer than it holds, and packs exactly their bytes', () => {
    const packer = new TextPacker();
    const long = JSON.stringify('x'.repeat(100_000));
    packer.add(long);
    packer.add('1');
    const packed = packer.pack();
    expect([packed.bytes.length, packed.bytes.buffer.byteLength, packer.byteLength]).toEqual([100_003, 100_003, 100_003]);
    expect(parseText(textAt(packed, 0))).toBe('x'.repeat(100_000));
    expect(parseText(textAt(packed, 1))).toBe(1);
  });
});
