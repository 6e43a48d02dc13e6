// Which parts of the graph are still drawing the last store update. No upstream counterpart.

const drawing = new Set<string>();

/**
 * drawingNow tells the inbox whether the graph is still drawing the last store update a few cards a frame (the far
 * view's canvas; the DOM cards report through their PodPublisher): the next update waits until it is done, or the
 * page would spend its frames drawing updates it never finishes.
 */
export const drawingNow = {
  set(part: string, busy: boolean): void {
    if (busy) drawing.add(part);
    else drawing.delete(part);
  },
  get any(): boolean {
    return drawing.size > 0;
  },
};
