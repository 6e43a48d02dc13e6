// Keeps the far view's canvas up to date, redrawing only the cards that changed. No upstream counterpart.
import type { Theme } from '../../store/uiStore';
import type { Box } from '../layout';
import { paintCard, RING_MAX, type CardContext, type FarCard } from './cardPainter';

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** The area a card may have drawn on: its box and the selection ring around it. */
function clearCard(ctx: CardContext, box: Box): void {
  ctx.clearRect(box.x - RING_MAX, box.y - RING_MAX, box.width + 2 * RING_MAX, box.height + 2 * RING_MAX);
}

/**
 * GridPainter remembers which card it drew where. A rollout changes a few nodes' pods per update: it clears and
 * redraws those cards only, and the canvas layer is all the browser re-rasters. A new zoom, theme or a cleared
 * canvas redraws everything.
 */
export class GridPainter {
  private drawn = new Map<string, { card: FarCard; box: Box }>();
  private zoom = 0;
  private theme: Theme | undefined;

  /**
   * draw brings the canvas up to `cards` in `boxes` (graph units, through the context's transform); `cleared` says
   * the canvas lost its pixels (it was resized). It returns the names of the cards it drew.
   */
  draw(ctx: CardContext, cards: ReadonlyMap<string, FarCard>, boxes: ReadonlyMap<string, Box>, zoom: number, theme: Theme, cleared: boolean): string[] {
    if (cleared || zoom !== this.zoom || theme !== this.theme) {
      for (const { box } of this.drawn.values()) clearCard(ctx, box);
      this.drawn.clear();
      [this.zoom, this.theme] = [zoom, theme];
    }
    const stale: string[] = [];
    for (const [name, { card, box }] of this.drawn) {
      const now = boxes.get(name);
      if (cards.get(name) === card && now && sameBox(now, box)) continue;
      clearCard(ctx, box);
      stale.push(name);
    }
    for (const name of stale) this.drawn.delete(name);
    const painted: string[] = [];
    for (const [name, card] of cards) {
      const box = boxes.get(name);
      if (!box || this.drawn.has(name)) continue;
      paintCard(ctx, card, box, zoom, theme);
      this.drawn.set(name, { card, box });
      painted.push(name);
    }
    return painted;
  }
}
