import { describe, expect, it } from 'vitest';
import { paintCard, type FarCard } from './cardPainter';
import { recordingContext } from './recordingContext';
import type { PodLook } from '../podAppearance';

const box = { x: 100, y: 200, width: 280, height: 136 };
const usage = { cpuRequested: 8000, cpuAllocatable: 32000, memoryRequested: 0, memoryAllocatable: 1000, pods: 3, podsAllocatable: 110 };
const card = (over: Partial<FarCard> = {}): FarCard => ({ name: 'node-1', status: 'Ready', usage, tones: [], selected: undefined, ...over });

function draw(c: FarCard, zoom: number) {
  const ctx = recordingContext();
  paintCard(ctx, c, box, zoom, 'light');
  return ctx.calls;
}

describe('paintCard', () => {
  it('writes the name at 11 screen pixels, at most 40 graph units, inside the border and padding', () => {
    expect(draw(card(), 0.2).filter((c) => c[0] === 'fillText')).toEqual([['fillText', 'node-1', 110, 206, '600 40px ui-monospace, SFMono-Regular, Menlo, monospace', '#0f172a']]);
    expect(draw(card(), 0.4).find((c) => c[0] === 'fillText')?.[4]).toBe('600 27.5px ui-monospace, SFMono-Regular, Menlo, monospace');
  });

  it('shrinks a name too long for the card until it fits its 260 units', () => {
    const name = 'ip-10-0-12-34.eu-west-1.compute.internal';
    expect(draw(card({ name }), 0.2).find((c) => c[0] === 'fillText')?.[4]).toBe('600 10px ui-monospace, SFMono-Regular, Menlo, monospace');
  });

  it('draws a Ready node’s cpu and memory requests as bars: 8 of 32 cores is a quarter of the track', () => {
    const bars = draw(card(), 0.2).filter((c) => c[0] === 'fillRect');
    expect(bars).toEqual([
      ['fillRect', 110, 250, 260, 8, '#e2e8f0'],
      ['fillRect', 110, 250, 65, 8, '#0ea5e9'],
      ['fillRect', 110, 262, 260, 8, '#e2e8f0'],
      ['fillRect', 110, 262, 0, 8, '#0ea5e9'],
    ]);
  });

  it('says in words that a node is not Ready, in place of its bars, and greys the card', () => {
    const ctx = recordingContext();
    paintCard(ctx, card({ status: 'NotReady,SchedulingDisabled' }), box, 0.2, 'light');
    expect(ctx.calls.filter((c) => c[0] === 'fillText').map((c) => [c[1], c[3], c[5]])).toEqual([
      ['node-1', 206, '#0f172a'],
      ['NotReady,SchedulingDisabled', 248, '#f43f5e'],
    ]);
    expect(ctx.calls.filter((c) => c[0] === 'fillRect')).toEqual([]);
    expect(ctx.calls).toContainEqual(['stroke', '#fb7185']);
    expect(ctx.calls.filter((c) => c[0] === 'fill')).toEqual([['fill', '#ffffff', 0.6]]);
  });

  it('draws a pod per square, 22 a row at a pitch of 11, in its tone’s border colour when too small for a border', () => {
    const tones = Array.from({ length: 23 }, (_, i): PodLook['tone'] => (i === 22 ? 'pending' : 'ready'));
    const dots = draw(card({ tones, status: 'NotReady' }), 0.2).filter((c) => c[0] === 'fillRect');
    expect(dots).toHaveLength(23);
    const at = (x: number, y: number) => dots.filter((c) => c[1] === x && c[2] === y);
    expect(at(110, 279)).toEqual([['fillRect', 110, 279, 10, 10, '#10b981']]);
    expect(at(341, 279)).toEqual([['fillRect', 341, 279, 10, 10, '#10b981']]);
    expect(at(110, 290)).toEqual([['fillRect', 110, 290, 10, 10, '#fbbf24']]);
  });

  it('draws the squares a colour at a time: every border, then the fills inside them', () => {
    const tones: PodLook['tone'][] = ['ready', 'pending', 'ready', 'pending', 'ready'];
    const ctx = recordingContext();
    paintCard(ctx, card({ tones, status: 'NotReady' }), box, 0.4, 'light');
    const dots = ctx.calls.filter((c) => c[0] === 'fillRect' && Number(c[2]) >= 279);
    expect(dots.map((c) => c[5])).toEqual(['#fbbf24', '#fbbf24', '#10b981', '#10b981', '#10b981', '#fef3c7', '#fef3c7', '#d1fae5', '#d1fae5', '#d1fae5']);
    expect(dots.slice(0, 2).map((c) => c.slice(1, 5))).toEqual([
      [121, 279, 10, 10],
      [143, 279, 10, 10],
    ]);
    expect(dots.slice(5, 7).map((c) => c.slice(1, 5))).toEqual([
      [122, 280, 8, 8],
      [144, 280, 8, 8],
    ]);
  });

  it('draws no square below the card’s bottom border: a list newer than the card’s box waits for the box to grow', () => {
    // 136 units tall: 79 to the first row, then room for 5 rows of 11 above the 2-unit border.
    const tones = Array.from({ length: 120 }, (): PodLook['tone'] => 'ready');
    expect(draw(card({ tones, status: 'NotReady' }), 0.2).filter((c) => c[0] === 'fillRect')).toHaveLength(110);
  });

  it('gives each square a border and a fill once it is at least 4 pixels on screen', () => {
    const dots = draw(card({ tones: ['creating'], status: 'NotReady' }), 0.4).filter((c) => c[0] === 'fillRect');
    expect(dots).toEqual([
      ['fillRect', 110, 279, 10, 10, '#38bdf8'],
      ['fillRect', 111, 280, 8, 8, '#e0f2fe'],
    ]);
  });

  it('rings the selected node, or the selected pod’s square, 2 screen pixels wide', () => {
    expect(draw(card({ selected: 'node' }), 0.4).filter((c) => c[0] === 'strokeRect')).toEqual([['strokeRect', 97.5, 197.5, 285, 141, '#38bdf8', 5]]);
    const tones = Array.from({ length: 30 }, () => 'ready' as const);
    expect(draw(card({ tones, selected: 23 }), 0.4).filter((c) => c[0] === 'strokeRect')).toEqual([['strokeRect', 118.5, 287.5, 15, 15, '#38bdf8', 5]]);
  });
});
