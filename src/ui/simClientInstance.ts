import { SimClient } from '../worker/simClient';
import { useClusterStore } from './store/clusterStore';
import { Inbox } from './store/inbox';
import { useTrafficStore } from './store/trafficStore';

/** The one simulation worker of the page, created at module level (see SimClient). */
export const simClient = new SimClient();
// Objects are decoded a slice at a time while the page is idle (see Inbox), so a large tick never arrives as one
// long task; requestAnimationFrame here made the browser redraw, and re-layerize the graph, in every frame.
const inbox = new Inbox((message) => useClusterStore.getState().receive(message), {
  whenIdle: (run) => requestIdleCallback(run, { timeout: 100 }),
  afterUpdate: (run) => queueMicrotask(run),
  now: () => performance.now(),
});
simClient.onMessage((message) => {
  if (message.type === 'traffic') return useTrafficStore.getState().receive(message);
  if (message.type === 'ready') useTrafficStore.getState().reset();
  inbox.push(message);
});

// Browser tests and the UI benchmark drive the worker through the same client the UI uses.
(window as unknown as { __simClient?: SimClient }).__simClient = simClient;
