// A worker node's card as the far view draws it on canvas: box, name, status or bars, and a square per pod, in the
// geometry of WorkerNodeCard's dense form (so edges and packets still meet the same places). No upstream counterpart.
import type { Theme } from '../../store/uiStore';
import { DOT_SIZE, DOTS_PER_ROW, type Box } from '../layout';
import type { NodeUsage } from '../nodeUsage';
import type { PodLook } from '../podAppearance';
import { DOT_COLOURS } from '../PodDots';
import { CARD_INSET, PODS_TOP } from '../network/podAnchors';

/** The drawing calls the painter makes: a subset of CanvasRenderingContext2D, so tests can record them. */
export type CardContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textBaseline' | 'globalAlpha' | 'fillRect' | 'strokeRect' | 'clearRect' | 'fillText' | 'measureText' | 'beginPath' | 'roundRect' | 'fill' | 'stroke'
>;

/** FarCard is everything a card draws: what changes it, and nothing else, makes it redraw. */
export interface FarCard {
  name: string;
  /** kubectl's STATUS column for the node: `Ready`, `NotReady,SchedulingDisabled`... */
  status: string;
  usage: NodeUsage;
  tones: readonly PodLook['tone'][];
  /** The selection on this card: the node itself, the pod in this slot, or nothing. */
  selected: 'node' | number | undefined;
}

/** The card colours of WorkerNodeCard's Tailwind classes, per theme. */
const CARD_COLOURS: Record<Theme, { background: string; border: string; down: string; text: string; ready: string; notReady: string; track: string; bar: string; full: string; ring: string }> = {
  light: { background: '#ffffff', border: '#cbd5e1', down: '#fb7185', text: '#0f172a', ready: '#059669', notReady: '#f43f5e', track: '#e2e8f0', bar: '#0ea5e9', full: '#f43f5e', ring: '#38bdf8' },
  dark: { background: '#0f172a', border: '#475569', down: '#fb7185', text: '#e2e8f0', ready: '#34d399', notReady: '#f43f5e', track: '#334155', bar: '#0ea5e9', full: '#f43f5e', ring: '#38bdf8' },
};

/** Text is drawn this many screen pixels tall when it fits: a card of the far view is some 50 pixels wide. */
const NAME_PX = 11;
const STATUS_PX = 10;
/** In graph units, the tallest the name and status may be: the header holds both above the first row of pods. */
const NAME_MAX = 40;
const STATUS_MAX = 26;
/** The selection ring's width on screen, and at most (graph units) half the gap between cards, so it never touches a neighbour. */
const RING_PX = 2;
export const RING_MAX = 10;
/** Below this many screen pixels a pod's square has no room for a border: it is filled with the border's stronger colour. */
const BORDERED_DOT_PX = 4;

const MONO = 'ui-monospace, SFMono-Regular, Menlo, monospace';

/** Fonts fitted so far, by weight, size, width and text: measuring text was a third of repainting a card. */
const fitted = new Map<string, string>();
const FITTED_MAX = 2000;

/** fitText sets a font of at most `size` (graph units), smaller if `text` would be wider than `width`. */
function fitText(ctx: CardContext, text: string, weight: number, size: number, width: number): void {
  const key = `${weight} ${size} ${width} ${text}`;
  let font = fitted.get(key);
  if (font === undefined) {
    ctx.font = font = `${weight} ${size}px ${MONO}`;
    const measured = ctx.measureText(text).width;
    if (measured > width) font = `${weight} ${Math.max(1, Math.floor((size * width) / measured))}px ${MONO}`;
    if (fitted.size >= FITTED_MAX) fitted.clear();
    fitted.set(key, font);
  }
  ctx.font = font;
}

/**
 * paintCard draws one node card into `box` (graph units; the context's transform maps them to pixels at `zoom`).
 * Text is sized for the screen, not the graph, so the far view stays readable where the DOM card's 14px name would
 * be 3 pixels tall. A node that is not Ready says so in words where a Ready one shows its cpu and memory bars.
 */
export function paintCard(ctx: CardContext, card: FarCard, box: Box, zoom: number, theme: Theme): void {
  const colours = CARD_COLOURS[theme];
  const down = !card.status.startsWith('Ready');
  const textWidth = box.width - 2 * CARD_INSET;
  ctx.globalAlpha = down ? 0.6 : 1;
  ctx.beginPath();
  ctx.roundRect(box.x + 1, box.y + 1, box.width - 2, box.height - 2, 8);
  ctx.fillStyle = colours.background;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = down ? colours.down : colours.border;
  ctx.stroke();

  ctx.textBaseline = 'top';
  fitText(ctx, card.name, 600, Math.min(NAME_PX / zoom, NAME_MAX), textWidth);
  ctx.fillStyle = colours.text;
  ctx.fillText(card.name, box.x + CARD_INSET, box.y + 6);
  if (card.status !== 'Ready') {
    fitText(ctx, card.status, 500, Math.min(STATUS_PX / zoom, STATUS_MAX), textWidth);
    ctx.fillStyle = colours.notReady;
    ctx.fillText(card.status, box.x + CARD_INSET, box.y + 48);
  } else {
    paintBar(ctx, colours, card.usage.cpuRequested, card.usage.cpuAllocatable, box.x + CARD_INSET, box.y + 50, textWidth);
    paintBar(ctx, colours, card.usage.memoryRequested, card.usage.memoryAllocatable, box.x + CARD_INSET, box.y + 62, textWidth);
  }

  // The card's box is laid out from the store's newest pod count, its pods from the list published so far: rows the
  // box has no room for yet would paint over the gap below, outside what the next repaint clears.
  const fits = Math.max(0, Math.floor((box.height - 2 - PODS_TOP) / DOT_SIZE)) * DOTS_PER_ROW;
  paintDots(ctx, card.tones, Math.min(fits, card.tones.length), box.x + CARD_INSET, box.y + PODS_TOP, theme, zoom * DOT_SIZE >= BORDERED_DOT_PX);
  ctx.globalAlpha = 1;

  if (card.selected === undefined) return;
  const ring = Math.min(RING_MAX, RING_PX / zoom);
  ctx.strokeStyle = colours.ring;
  ctx.lineWidth = ring;
  if (card.selected === 'node') ctx.strokeRect(box.x - ring / 2, box.y - ring / 2, box.width + ring, box.height + ring);
  else {
    const i = card.selected;
    ctx.strokeRect(box.x + CARD_INSET + (i % DOTS_PER_ROW) * DOT_SIZE - ring / 2, box.y + PODS_TOP + Math.floor(i / DOTS_PER_ROW) * DOT_SIZE - ring / 2, DOT_SIDE + ring, DOT_SIDE + ring);
  }
}

/** A pod's square: a pitch of DOT_SIZE leaves a pixel between neighbours. */
const DOT_SIDE = DOT_SIZE - 1;
/** Where a tone's colours are in DOT_COLOURS. */
const [FILL, BORDER] = [0, 1];
/** Every tone, in the order paintDots draws them. */
const TONES = Object.keys(DOT_COLOURS.light) as PodLook['tone'][];

/**
 * paintDots draws the first `count` pods' squares from (x, y), DOTS_PER_ROW a row: in each square's border colour,
 * then, when `bordered`, its fill inside. It goes one tone at a time, since setting a fill style parses a colour: a
 * style per tone, not two per square. Squares do not overlap, so every border can go before the fills.
 */
function paintDots(ctx: CardContext, tones: readonly PodLook['tone'][], count: number, x: number, y: number, theme: Theme, bordered: boolean): void {
  for (const layer of bordered ? [BORDER, FILL] : [BORDER]) {
    const inset = layer === BORDER ? 0 : 1;
    for (const tone of TONES) {
      let styled = false;
      for (let i = 0; i < count; i++) {
        if (tones[i] !== tone) continue;
        if (!styled) {
          ctx.fillStyle = DOT_COLOURS[theme][tone][layer];
          styled = true;
        }
        ctx.fillRect(x + (i % DOTS_PER_ROW) * DOT_SIZE + inset, y + Math.floor(i / DOTS_PER_ROW) * DOT_SIZE + inset, DOT_SIDE - 2 * inset, DOT_SIDE - 2 * inset);
      }
    }
  }
}

/** A usage bar: the track, and the requested share of it, red above 90% as on the DOM card. */
function paintBar(ctx: CardContext, colours: (typeof CARD_COLOURS)[Theme], used: number, total: number, x: number, y: number, width: number): void {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  ctx.fillStyle = colours.track;
  ctx.fillRect(x, y, width, 8);
  ctx.fillStyle = share > 0.9 ? colours.full : colours.bar;
  ctx.fillRect(x, y, width * share, 8);
}
