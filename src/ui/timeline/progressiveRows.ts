import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';

/**
 * withinRoom picks, in the order of `items`, those already mounted and up to `room` of the others, the last (the
 * newest) first.
 */
export function withinRoom<T>(items: readonly T[], mounted: ReadonlySet<string>, id: (item: T) => string, room: number): T[] {
  const picked: T[] = [];
  let left = room;
  for (let i = items.length - 1; i >= 0; i--) {
    if (mounted.has(id(items[i]))) picked.push(items[i]);
    else if (left > 0) {
      left--;
      picked.push(items[i]);
    }
  }
  return picked.reverse();
}

/**
 * useProgressiveRows hands a list its items so that at most `room` new ones mount per frame, the newest first; the
 * rest follow in the next frames. Rows already mounted stay, whatever comes.
 */
export function useProgressiveRows<T>(items: readonly T[], id: (item: T) => string, room: number): T[] {
  const mounted = useRef<ReadonlySet<string>>(new Set());
  const [, nextFrame] = useReducer((frame: number) => frame + 1, 0);
  const rows = withinRoom(items, mounted.current, id, room);
  const waiting = rows.length < items.length;
  useLayoutEffect(() => {
    mounted.current = new Set(rows.map(id));
  });
  useEffect(() => {
    if (!waiting) return;
    const frame = requestAnimationFrame(nextFrame);
    return () => cancelAnimationFrame(frame);
  });
  return rows;
}
