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
 * GridPainter remembers which card it drew where. A rollout changes most nodes' pods in each update: it clears and
 * redraws the changed cards only, at most `limit` a call, so the canvas layer is all the browser re-rasters and one
 * update's cards are spread over a few frames. A new zoom, theme, a cleared canvas or a moved card redraws
 * everything at once: half a canvas of old cards beside new ones would be wrong.
 */
export class GridPainter {
  private drawn = new Map<string, { card: FarCard; box: Box }>();
  private zoom = 0;
  private theme: Theme | undefined;

  /**
   * draw brings the canvas towards `cards` in `boxes` (graph units, through the context's transform); `cleared`
   * says the canvas lost its pixels (it was resized). It paints at most `limit` changed cards, oldest first in the
   * order of `cards`, and returns the names of the cards it drew: fewer than `limit` once the canvas is up to date.
   */
  draw(ctx: CardContext, cards: ReadonlyMap<string, FarCard>, boxes: ReadonlyMap<string, Box>, zoom: number, theme: Theme, cleared: boolean, limit = Infinity): string[] {
    if (cleared || this.moved(cards, boxes) || zoom !== this.zoom || theme !== this.theme) {
      for (const { box } of this.drawn.values()) clearCard(ctx, box);
      this.drawn.clear();
      [this.zoom, this.theme] = [zoom, theme];
      limit = Infinity;
    }
    // forEach, not for-of: for-of made an entry array per card and call, most of what draw and moved allocated.
    this.drawn.forEach(({ box }, name) => {
      if (cards.has(name) && boxes.has(name)) return;
      clearCard(ctx, box);
      this.drawn.delete(name);
    });
    const painted: string[] = [];
    cards.forEach((card, name) => {
      const box = boxes.get(name);
      const was = this.drawn.get(name);
      if (!box || was?.card === card || painted.length === limit) return;
      if (was) clearCard(ctx, was.box);
      paintCard(ctx, card, box, zoom, theme);
      this.drawn.set(name, { card, box });
      painted.push(name);
    });
    return painted;
  }

  /** moved tells whether a card still on the canvas has a new box. */
  private moved(cards: ReadonlyMap<string, FarCard>, boxes: ReadonlyMap<string, Box>): boolean {
    let moved = false;
    this.drawn.forEach(({ box }, name) => {
      const now = boxes.get(name);
      moved ||= now !== undefined && cards.has(name) && !sameBox(now, box);
    });
    return moved;
  }
}
