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

/** playMove animates `el` from where the same pod was last drawn; returns true if it moved. */
export function playMove(id: string, el: HTMLElement, transform: FlowTransform): boolean {
  const container = el.closest('.react-flow')?.getBoundingClientRect();
  if (!container) return false;
  const now = toFlow(el.getBoundingClientRect(), container, transform);
  const before = lastPositions.get(id);
  lastPositions.set(id, now);
  if (!before) return false;
  const dx = (before.x - now.x) * transform.zoom;
  const dy = (before.y - now.y) * transform.zoom;
  if (Math.abs(dx) < 2 && Math.abs(dy) < 2) return false;
  el.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'translate(0, 0)' }], { duration: 700, easing: 'cubic-bezier(.2,.8,.2,1)' });
  return true;
}

/** forget drops a deleted pod's last position. */
export function forget(id: string): void {
  lastPositions.delete(id);
}
