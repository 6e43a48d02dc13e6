import { SimClient } from '../worker/simClient';
import { useClusterStore } from './store/clusterStore';
import { MessageQueue } from './store/messageQueue';

/** The one simulation worker of the page, created at module level (see SimClient). */
export const simClient = new SimClient();
// The parts of a large tick arrive as several messages; the store takes them together once the page is idle.
const queue = new MessageQueue(
  (message) => useClusterStore.getState().receive(message),
  (flush) => requestIdleCallback(flush, { timeout: 100 }),
);
simClient.onMessage((message) => queue.push(message));

// Browser tests and the UI benchmark drive the worker through the same client the UI uses.
(window as unknown as { __simClient?: SimClient }).__simClient = simClient;
