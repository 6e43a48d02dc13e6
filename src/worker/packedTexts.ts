// JSON texts packed end to end as UTF-8 in one buffer, so postMessage can transfer a batch instead of copying it.
// No upstream counterpart.

/**
 * PackedTexts are texts laid end to end in `bytes`, UTF-8: the i-th spans [ends[i - 1] ?? 0, ends[i]). A batch's
 * strings were copied into the UI's heap as the message arrived, some 30 ms for a rollout's burst of messages, and
 * then copied again by each garbage collection while they waited to be decoded; bytes in a transferred buffer are
 * neither.
 */
export interface PackedTexts {
  bytes: Uint8Array;
  ends: number[];
}

/** The smallest buffer a packer grows to, so a batch of small texts grows it a few times at most. */
const MIN_BUFFER_BYTES = 1 << 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * TextPacker packs texts one after another; `pack` hands back a buffer of exactly their length. Its buffer starts
 * empty: most of an idle cluster's batches carry no Events, and two 64 KB buffers a tick were most of what the
 * worker allocated for them.
 */
export class TextPacker {
  private buffer = new Uint8Array(0);
  private length = 0;
  private readonly ends: number[] = [];

  get byteLength(): number {
    return this.length;
  }

  get count(): number {
    return this.ends.length;
  }

  add(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (this.length + text.length * 3 > this.buffer.length) {
      const grown = new Uint8Array(Math.max(MIN_BUFFER_BYTES, this.buffer.length * 2, this.length + text.length * 3));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
    this.ends.push(this.length);
  }

  pack(): PackedTexts {
    return { bytes: this.buffer.slice(0, this.length), ends: this.ends };
  }
}

/** textAt is the i-th text's bytes, a view into the packed buffer (nothing is copied). */
export function textAt(packed: PackedTexts, i: number): Uint8Array {
  return packed.bytes.subarray(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]);
}

/** parseText parses a packed text as JSON. */
export function parseText<T>(bytes: Uint8Array): T {
  return JSON.parse(decoder.decode(bytes)) as T;
}
