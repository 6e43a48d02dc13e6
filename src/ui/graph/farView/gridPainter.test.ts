import { describe, expect, it } from 'vitest';
import type { FarCard } from './cardPainter';
import { GridPainter } from './gridPainter';
import { recordingContext } from './recordingContext';

const usage = { cpuRequested: 0, cpuAllocatable: 1000, memoryRequested: 0, memoryAllocatable: 1000, pods: 0, podsAllocatable: 110 };
const card = (name: string, status = 'Ready'): FarCard => ({ name, status, usage, tones: [], selected: undefined });
const boxes = new Map([
  ['node-1', { x: 0, y: 0, width: 280, height: 136 }],
  ['node-2', { x: 304, y: 0, width: 280, height: 136 }],
]);

describe('GridPainter', () => {
  it('paints every card first, then only the cards whose card object changed, clearing their box and ring first', () => {
    const painter = new GridPainter();
    const ctx = recordingContext();
    const one = card('node-1');
    expect(painter.draw(ctx, new Map([['node-1', one], ['node-2', card('node-2')]]), boxes, 0.2, 'dark', true)).toEqual(['node-1', 'node-2']);
    ctx.calls.length = 0;
    expect(painter.draw(ctx, new Map([['node-1', one], ['node-2', card('node-2', 'NotReady')]]), boxes, 0.2, 'dark', false)).toEqual(['node-2']);
    expect(ctx.calls.filter((c) => c[0] === 'clearRect')).toEqual([['clearRect', 294, -10, 300, 156]]);
  });

  it('paints nothing when nothing changed, and clears a card whose node is gone', () => {
    const painter = new GridPainter();
    const cards = new Map([['node-1', card('node-1')], ['node-2', card('node-2')]]);
    painter.draw(recordingContext(), cards, boxes, 0.2, 'dark', true);
    const ctx = recordingContext();
    expect(painter.draw(ctx, cards, boxes, 0.2, 'dark', false)).toEqual([]);
    expect(ctx.calls).toEqual([]);
    expect(painter.draw(ctx, new Map([['node-1', cards.get('node-1')!]]), boxes, 0.2, 'dark', false)).toEqual([]);
    expect(ctx.calls).toEqual([['clearRect', 294, -10, 300, 156]]);
  });

  it('repaints every card after a new zoom, a new theme, a cleared canvas or a moved box', () => {
    const painter = new GridPainter();
    const cards = new Map([['node-1', card('node-1')], ['node-2', card('node-2')]]);
    painter.draw(recordingContext(), cards, boxes, 0.2, 'dark', true);
    expect(painter.draw(recordingContext(), cards, boxes, 0.25, 'dark', false)).toEqual(['node-1', 'node-2']);
    expect(painter.draw(recordingContext(), cards, boxes, 0.25, 'light', false)).toEqual(['node-1', 'node-2']);
    expect(painter.draw(recordingContext(), cards, boxes, 0.25, 'light', true)).toEqual(['node-1', 'node-2']);
    const taller = new Map([...boxes].map(([n, b]) => [n, { ...b, height: 158 }]));
    expect(painter.draw(recordingContext(), cards, taller, 0.25, 'light', false)).toEqual(['node-1', 'node-2']);
  });

  it('paints at most `limit` changed cards a call, in order, until the canvas is up to date', () => {
    const painter = new GridPainter();
    const three = new Map([...boxes, ['node-3', { x: 608, y: 0, width: 280, height: 136 }]]);
    const cards = new Map([['node-1', card('node-1')], ['node-2', card('node-2')], ['node-3', card('node-3')]]);
    painter.draw(recordingContext(), cards, three, 0.2, 'dark', true);
    const next = new Map([...cards].map(([n]) => [n, card(n, 'NotReady')]));
    const ctx = recordingContext();
    expect(painter.draw(ctx, next, three, 0.2, 'dark', false, 2)).toEqual(['node-1', 'node-2']);
    expect(ctx.calls.filter((c) => c[0] === 'clearRect')).toEqual([['clearRect', -10, -10, 300, 156], ['clearRect', 294, -10, 300, 156]]);
    expect(painter.draw(recordingContext(), next, three, 0.2, 'dark', false, 2)).toEqual(['node-3']);
    expect(painter.draw(recordingContext(), next, three, 0.2, 'dark', false, 2)).toEqual([]);
  });

  it('ignores the limit when everything must be redrawn: a new zoom, or a card that moved', () => {
    const painter = new GridPainter();
    const cards = new Map([['node-1', card('node-1')], ['node-2', card('node-2')]]);
    painter.draw(recordingContext(), cards, boxes, 0.2, 'dark', true);
    expect(painter.draw(recordingContext(), cards, boxes, 0.3, 'dark', false, 1)).toEqual(['node-1', 'node-2']);
    const shifted = new Map([...boxes].map(([n, b]) => [n, { ...b, y: 40 }]));
    expect(painter.draw(recordingContext(), cards, shifted, 0.3, 'dark', false, 1)).toEqual(['node-1', 'node-2']);
  });
});
