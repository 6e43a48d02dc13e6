// A stand-in for a canvas 2D context that records what is drawn, for the far view's tests. Text is 0.6 em wide per
// character, as in a monospace font.
import type { CardContext } from './cardPainter';

export type DrawCall = [op: string, ...args: Array<number | string>];

export function recordingContext(): CardContext & { calls: DrawCall[] } {
  const calls: DrawCall[] = [];
  const op =
    (name: string) =>
    (...args: Array<number | string>) => {
      calls.push([name, ...args]);
    };
  const state = { fillStyle: '', strokeStyle: '', lineWidth: 1, font: '10px monospace', textBaseline: 'alphabetic', globalAlpha: 1 };
  return Object.assign(state, {
    calls,
    fillRect: (x: number, y: number, w: number, h: number) => calls.push(['fillRect', x, y, w, h, state.fillStyle as string]),
    strokeRect: (x: number, y: number, w: number, h: number) => calls.push(['strokeRect', x, y, w, h, state.strokeStyle as string, state.lineWidth]),
    clearRect: op('clearRect'),
    beginPath: op('beginPath'),
    roundRect: op('roundRect'),
    fill: () => calls.push(['fill', state.fillStyle as string, state.globalAlpha]),
    stroke: () => calls.push(['stroke', state.strokeStyle as string]),
    fillText: (text: string, x: number, y: number) => calls.push(['fillText', text, x, y, state.font, state.fillStyle as string]),
    measureText: (text: string) => ({ width: text.length * 0.6 * parseFloat(/(\d+(?:\.\d+)?)px/.exec(state.font)?.[1] ?? '10') }) as TextMetrics,
  }) as unknown as CardContext & { calls: DrawCall[] };
}
