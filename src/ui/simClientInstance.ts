import { SimClient } from '../worker/simClient';
import { useClusterStore } from './store/clusterStore';
import { Inbox } from './store/inbox';
import { pagePublisher } from './graph/pagePublisher';
import { drawingNow } from './graph/drawingNow';
import { useTrafficStore } from './store/trafficStore';

/** The one simulation worker of the page, created at module level (see SimClient). */
export const simClient = new SimClient();
// Objects are decoded a slice at a time while the page is idle (see Inbox), so a large tick never arrives as one
// long task. Decoding in requestAnimationFrame made the browser redraw, and re-layerize the graph, in every frame;
// each call only waits for the next frame before it asks for idle time, since idle callbacks run back to back while
// a frame's idle time lasts, and a slice of decoding followed by the update it completed made one long frame. The
// next update also waits until the graph has redrawn the node cards the last one changed (see PodPublisher).
const inbox = new Inbox((message) => useClusterStore.getState().receive(message), {
  whenIdle: (run) => requestAnimationFrame(() => requestIdleCallback(run, { timeout: 100 })),
  afterUpdate: (run) => queueMicrotask(run),
  drawing: () => pagePublisher.waiting.length > 0 || drawingNow.farView,
  now: () => performance.now(),
});
simClient.onMessage((message) => {
  if (message.type === 'traffic') return useTrafficStore.getState().receive(message);
  if (message.type === 'ready') useTrafficStore.getState().reset();
  inbox.push(message);
});

// Browser tests and the UI benchmark drive the worker through the same client the UI uses.
(window as unknown as { __simClient?: SimClient }).__simClient = simClient;
