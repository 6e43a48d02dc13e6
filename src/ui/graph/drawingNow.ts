// Whether the far view's canvas is still drawing the last store update. No upstream counterpart.

/**
 * drawingNow tells the inbox whether the far view is still repainting the last store update a few cards a frame
 * (the DOM cards report through their PodPublisher): the next update waits until it is done, or the page would
 * spend its frames drawing updates it never finishes.
 */
export const drawingNow = { farView: false };
