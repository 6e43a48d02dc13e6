import type { VirtualClock } from '../clock/virtualClock';
import type { SeededRandom } from '../clock/random';
import type { EventRecorder } from '../events/recorder';
import type { InformerFactory } from '../client/informer';
import type { ApiClient } from '../store/types';
import type { TokenBucketRateLimiter } from '../client/flowcontrol/tokenBucketRateLimiter';

/**
 * ControllerContext is what kube-controller-manager hands every controller: an API client, shared informers, the
 * clock, the cluster's seeded randomness and an event recorder. Controllers reach nothing else.
 */
export interface ControllerContext {
  client: ApiClient;
  informers: InformerFactory;
  clock: VirtualClock;
  random: SeededRandom;
  recorder: EventRecorder;
  /** The rate limiter of `client`, when the controller has its own throttled clientset (see clientBuilder.ts). */
  rateLimiter?: TokenBucketRateLimiter;
}

/** Controller is one reconcile loop: informer handlers enqueue keys, `sync(key)` converges one object. */
export interface Controller {
  /** The name it acts under, e.g. `replicaset-controller` (kube-controller-manager's user agent name). */
  readonly name: string;
}
