/**
 * Remembers where each pod chip was last drawn, in flow coordinates (independent of pan and zoom), so a chip
 * that re-renders in another box (the unscheduled lane → a node) can animate the move from its old place
 * (the FLIP technique: First, Last, Invert, Play).
 */
const lastPositions = new Map<string, { x: number; y: number }>();

export interface FlowTransform {
  x: number;
  y: number;
  zoom: number;
}

function toFlow(rect: DOMRect, container: DOMRect, t: FlowTransform) {
  return { x: (rect.left - container.left - t.x) / t.zoom, y: (rect.top - container.top - t.y) / t.zoom };
}

const queue: Array<{ id: string; el: HTMLElement; transform: FlowTransform }> = [];

/** The most chips one commit animates; when more move together, they simply appear in their new places. */
const MAX_MOVES = 24;

/**
 * playMove animates `el` from where the same pod was last drawn. The chips of one commit are measured together
 * once the commit is done, all reads before any animation starts: measuring each chip right after the previous one
 * began animating forced a style and layout pass per chip, over a second for a few hundred chips.
 */
export function playMove(id: string, el: HTMLElement, transform: FlowTransform): void {
  if (queue.push({ id, el, transform }) === 1) queueMicrotask(flush);
}

function flush(): void {
  const containers = new Map<Element, DOMRect>();
  const moves: Array<{ el: HTMLElement; dx: number; dy: number }> = [];
  for (const { id, el, transform } of queue.splice(0)) {
    const flow = el.isConnected ? el.closest('.react-flow') : null;
    if (!flow) continue;
    let container = containers.get(flow);
    if (!container) containers.set(flow, (container = flow.getBoundingClientRect()));
    const now = toFlow(el.getBoundingClientRect(), container, transform);
    const before = lastPositions.get(id);
    lastPositions.set(id, now);
    if (!before) continue;
    const dx = (before.x - now.x) * transform.zoom;
    const dy = (before.y - now.y) * transform.zoom;
    if (Math.abs(dx) >= 2 || Math.abs(dy) >= 2) moves.push({ el, dx, dy });
  }
  // A crowd that moves at once reads as noise, and each animated chip is a composited layer: a few hundred of them
  // made the browser's layerization take 20-180 ms a frame while a 2,000-pod Deployment was being scheduled.
  if (moves.length > MAX_MOVES) return;
  for (const { el, dx, dy } of moves) {
    el.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'translate(0, 0)' }], { duration: 700, easing: 'cubic-bezier(.2,.8,.2,1)' });
  }
}

/** forget drops a deleted pod's last position. */
export function forget(id: string): void {
  lastPositions.delete(id);
}
