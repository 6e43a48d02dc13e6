import { flushSync } from 'react-dom';
import { PodPublisher } from './podPublisher';

/**
 * The page's one PodPublisher: the graph's node cards read their pods through it, redrawn by rendering and
 * committing them at once in an animation frame, and the inbox holds the next store update while it still has
 * cards to redraw (see Inbox).
 */
export const pagePublisher = new PodPublisher(
  { nextFrame: (run) => requestAnimationFrame(run), cancelFrame: (frame) => cancelAnimationFrame(frame), now: () => performance.now() },
  (notify) => flushSync(notify),
);
