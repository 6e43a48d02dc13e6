import { SimClient } from '../worker/simClient';
import { useClusterStore } from './store/clusterStore';

/** The one simulation worker of the page, created at module level (see SimClient). */
export const simClient = new SimClient();
simClient.onMessage((message) => useClusterStore.getState().receive(message));

// Browser tests and the UI benchmark drive the worker through the same client the UI uses.
(window as unknown as { __simClient?: SimClient }).__simClient = simClient;
