// Mirrors pkg/controller/namespace/namespace_controller.go (enqueueNamespace with namespaceDeletionGracePeriod, the
// worker's requeue rules, nsControllerRateLimiter). Leaves out the rate limiter's overall 10 qps bucket, which only
// matters when many namespaces are deleted at once.
import { type Informer, keyFunc } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { DEFAULT_KINDS } from '../../kinds/index';
import { KindRegistry } from '../../kinds/registry';
import type { Controller, ControllerContext } from '../controllerContext';
import { NamespacedResourcesDeleter, type NamespaceObject, ResourcesRemainingError } from './deletion/namespacedResourcesDeleter';

/** NAMESPACE_CONTROLLER is the name the controller acts under. */
export const NAMESPACE_CONTROLLER = 'namespace-controller';

/**
 * NAMESPACE_DELETION_GRACE_PERIOD_MS: wait this long after seeing a namespace deleted, so that every API server
 * refuses new objects in it before the cleanup starts.
 */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5000;

/** The item back-off of nsControllerRateLimiter: 5 ms doubling, but at most a minute, so deletion retries often. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 60 * 1000;

/**
 * NamespaceController empties namespaces that are being deleted and then releases them: it waits until every object
 * in the namespace is gone, pods included, before removing the `kubernetes` finalizer.
 */
export class NamespaceController implements Controller {
  readonly name = NAMESPACE_CONTROLLER;
  private readonly queue: WorkQueue;
  private readonly lister: Informer<NamespaceObject>;
  private readonly deleter: NamespacedResourcesDeleter;
  private readonly failures = new Map<string, number>();

  constructor(ctx: ControllerContext, kinds: KindRegistry = new KindRegistry(DEFAULT_KINDS)) {
    this.queue = new WorkQueue(ctx.clock, this.name, (key) => this.worker(key), { rateLimiter: ctx.rateLimiter });
    this.deleter = new NamespacedResourcesDeleter(ctx.client, kinds, ctx.clock, this.name);
    this.lister = ctx.informers.forKind<NamespaceObject>('Namespace');
    this.lister.addEventHandler({
      add: (ns) => this.enqueueNamespace(ns),
      update: (_old, ns) => this.enqueueNamespace(ns),
    });
  }

  /** enqueueNamespace queues a namespace that is being deleted, after the deletion grace period. */
  private enqueueNamespace(ns: NamespaceObject): void {
    if (!ns.metadata.deletionTimestamp) return;
    this.queue.addAfter(keyFunc(ns), NAMESPACE_DELETION_GRACE_PERIOD_MS);
  }

  /** worker syncs one namespace; content still going away is looked at again after half its estimate. */
  private worker(key: string): void {
    try {
      this.syncNamespaceFromKey(key);
      this.failures.delete(key);
    } catch (err) {
      if (err instanceof ResourcesRemainingError) {
        this.queue.addAfter(key, (Math.floor(err.estimate / 2) + 1) * 1000);
        return;
      }
      // Rather than wait for a resync, retry with back-off.
      const failures = this.failures.get(key) ?? 0;
      this.failures.set(key, failures + 1);
      this.queue.addAfter(key, Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** failures));
    }
  }

  private syncNamespaceFromKey(key: string): void {
    const namespace = this.lister.get('', key);
    if (!namespace) return;
    this.deleter.delete(namespace.metadata.name ?? '');
  }
}

/** newNamespaceController starts `namespace-controller`. */
export function newNamespaceController(ctx: ControllerContext): NamespaceController {
  return new NamespaceController(ctx);
}
