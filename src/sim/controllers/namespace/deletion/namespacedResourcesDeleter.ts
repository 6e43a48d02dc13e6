// Mirrors pkg/controller/namespace/deletion/namespaced_resources_deleter.go (Delete, deleteAllContent,
// deleteAllContentForGroupVersionResource, estimateGracefulTermination, finalizeNamespace). Leaves out discovery and
// the operation-not-supported cache: every kind Kubeplay serves can be listed and deleted. There is no
// deletecollection verb, so each object is deleted on its own (deleteEachItem), and objects already being deleted are
// skipped, where the API server would answer their repeated delete without a write.
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { StatusError } from '../../../api/statusError';
import type { VirtualClock } from '../../../clock/virtualClock';
import { parseTime, rfc3339 } from '../../../clock/timeFormat';
import type { KindSpec } from '../../../kinds/kindSpec';
import type { KindRegistry } from '../../../kinds/registry';
import type { ApiClient, WriteContext } from '../../../store/types';
import { type ContentTotals, NamespaceConditionUpdater } from './statusConditionUtils';
import { asOneRequest } from '../../../client/throttledClient';

/** NamespaceObject is a Namespace as the API server stores it. */
export type NamespaceObject = Namespace & KubeObject;

/** FINALIZER_KUBERNETES is v1.FinalizerKubernetes, the spec.finalizers token this controller owns. */
export const FINALIZER_KUBERNETES = 'kubernetes';

/** finalizerEstimateSeconds: the wait assumed for objects held by finalizers. */
const FINALIZER_ESTIMATE_SECONDS = 15;

/** ResourcesRemainingError says content is still going away; the controller looks again in estimate/2+1 seconds. */
export class ResourcesRemainingError extends Error {
  constructor(readonly estimate: number) {
    super(`some content remains in the namespace, estimate ${estimate} seconds before it is removed`);
  }
}

/** What one resource left behind after a deletion pass (gvrDeletionMetadata). */
interface GvrDeletionMetadata {
  finalizerEstimateSeconds: number;
  numRemaining: number;
  finalizersToNumRemaining: Map<string, number>;
  error?: string;
}

/**
 * NamespacedResourcesDeleter empties a namespace that is being deleted: it deletes every namespaced object in it,
 * records deletion conditions on the Namespace, and removes the `kubernetes` finalizer once nothing is left.
 */
export class NamespacedResourcesDeleter {
  constructor(
    private readonly client: ApiClient,
    private readonly kinds: KindRegistry,
    private readonly clock: VirtualClock,
    /** The name writes are made under, `namespace-controller`. */
    private readonly actor: string,
  ) {}

  /**
   * delete runs one pass for the namespace. It throws ResourcesRemainingError while content is still going away,
   * and any other error when a deletion failed; the caller retries until it returns.
   */
  delete(nsName: string): void {
    let namespace = this.client.get<NamespaceObject>('Namespace', '', nsName);
    if (!namespace?.metadata.deletionTimestamp) return;
    // A namespace gone in between is not an error: someone finished the job.
    namespace = this.retryOnConflictError(namespace, (ns) => this.updateNamespaceStatus(ns));
    if (!namespace || finalized(namespace)) return;
    const { estimate, errors } = this.deleteAllContent(namespace);
    if (errors.length > 0) throw new Error(aggregate(errors));
    if (estimate > 0) throw new ResourcesRemainingError(estimate);
    // The namespace read above is stale if the conditions were just written: the retry re-reads it.
    this.retryOnConflictError(namespace, (ns) => this.finalizeNamespace(ns));
  }

  /**
   * retryOnConflictError runs `fn` again on the latest namespace after a conflict, as long as it is the same object;
   * undefined means the namespace is gone.
   */
  private retryOnConflictError(namespace: NamespaceObject, fn: (ns: NamespaceObject) => NamespaceObject): NamespaceObject | undefined {
    let latest = namespace;
    for (;;) {
      try {
        return fn(latest);
      } catch (err) {
        if (!(err instanceof StatusError && err.reason === 'Conflict')) throw err;
        const previous = latest;
        const fresh = this.client.get<NamespaceObject>('Namespace', '', nsName(previous));
        if (!fresh) return undefined;
        if (fresh.metadata.uid !== previous.metadata.uid) throw new Error('namespace uid has changed across retries');
        latest = fresh;
      }
    }
  }

  private write(reason: string, quiet = false): WriteContext {
    return { actor: this.actor, reason, ...(quiet ? { quiet } : {}) };
  }

  /** updateNamespaceStatus makes sure the phase says Terminating (the API server's delete normally already did). */
  private updateNamespaceStatus(namespace: NamespaceObject): NamespaceObject {
    if (namespace.status?.phase === 'Terminating') return namespace;
    const next = structuredClone(namespace) as NamespaceObject;
    next.status = { ...next.status, phase: 'Terminating' };
    return this.client.updateStatus(next, this.write(`marked namespace ${nsName(namespace)} Terminating: it is being deleted`));
  }

  /** finalizeNamespace removes `kubernetes` from spec.finalizers; with none left, the API server removes the Namespace. */
  private finalizeNamespace(namespace: NamespaceObject): NamespaceObject {
    const next = structuredClone(namespace) as NamespaceObject;
    const rest = [...new Set(namespace.spec?.finalizers ?? [])].filter((f) => f !== FINALIZER_KUBERNETES).sort();
    next.spec = { ...next.spec, finalizers: rest };
    return this.client.update(next, this.write(`removed finalizer ${FINALIZER_KUBERNETES} from namespace ${nsName(namespace)}: everything in it is deleted`));
  }

  /** deleteAllContent deletes every namespaced kind's objects, updates the conditions, and returns the longest estimate. */
  private deleteAllContent(namespace: NamespaceObject): { estimate: number; errors: string[] } {
    const ns = nsName(namespace);
    const deletedAt = parseTime(namespace.metadata.deletionTimestamp) ?? this.clock.now();
    const conditionUpdater = new NamespaceConditionUpdater(rfc3339(this.clock.now()));
    const errors: string[] = [];
    const totals: ContentTotals = { gvrToNumRemaining: new Map(), finalizersToNumRemaining: new Map() };
    let estimate = 0;
    for (const spec of this.kinds.all()) {
      if (!spec.namespaced) continue;
      const meta = this.deleteAllContentForGroupVersionResource(spec, ns, deletedAt);
      if (meta.error) {
        // Keep going with the other kinds; the error is reported with the rest.
        errors.push(meta.error);
        conditionUpdater.processDeleteContentErr(meta.error);
      }
      estimate = Math.max(estimate, meta.finalizerEstimateSeconds);
      if (meta.numRemaining > 0) {
        totals.gvrToNumRemaining.set(`${spec.plural}.${spec.group}`, meta.numRemaining);
        for (const [finalizer, n] of meta.finalizersToNumRemaining) {
          totals.finalizersToNumRemaining.set(finalizer, (totals.finalizersToNumRemaining.get(finalizer) ?? 0) + n);
        }
      }
    }
    conditionUpdater.processContentTotals(totals);
    // Always write changed conditions: a condition that said "it failed" must say so no longer once it worked.
    const next = structuredClone(namespace) as NamespaceObject;
    next.status = { ...next.status };
    if (conditionUpdater.update(next.status)) {
      this.client.updateStatus(next, this.write(`updated the deletion conditions of namespace ${ns}: ${summary(next)}`));
    }
    return { estimate, errors };
  }

  /** deleteAllContentForGroupVersionResource deletes one kind's objects in the namespace and reports what is left. */
  private deleteAllContentForGroupVersionResource(spec: KindSpec, ns: string, deletedAt: number): GvrDeletionMetadata {
    const estimate = this.estimateGracefulTermination(spec, ns, deletedAt);
    const none = new Map<string, number>();
    try {
      this.deleteEachItem(spec, ns);
    } catch (err) {
      return { finalizerEstimateSeconds: estimate, numRemaining: 0, finalizersToNumRemaining: none, error: messageOf(err) };
    }
    const remaining = this.client.list(spec.kind, { namespace: ns });
    if (remaining.length === 0) return { finalizerEstimateSeconds: 0, numRemaining: 0, finalizersToNumRemaining: none };
    const finalizersToNumRemaining = new Map<string, number>();
    for (const item of remaining) {
      for (const finalizer of item.metadata.finalizers ?? []) finalizersToNumRemaining.set(finalizer, (finalizersToNumRemaining.get(finalizer) ?? 0) + 1);
    }
    if (estimate !== 0) return { finalizerEstimateSeconds: estimate, numRemaining: remaining.length, finalizersToNumRemaining };
    // Finalizers are a normal reason to wait: assume they finish in 15 seconds.
    if (finalizersToNumRemaining.size > 0) return { finalizerEstimateSeconds: FINALIZER_ESTIMATE_SECONDS, numRemaining: remaining.length, finalizersToNumRemaining };
    // Nothing holds them, yet they are still there: something unexpected.
    return {
      finalizerEstimateSeconds: estimate,
      numRemaining: remaining.length,
      finalizersToNumRemaining: none,
      error: `unexpected items still remain in namespace: ${ns} for gvr: ${gvrString(spec)}`,
    };
  }

  /**
   * deleteEachItem deletes every object of the kind in the namespace, with background propagation: upstream's one
   * DeleteCollection request, which the API server carries out object by object (each narrated here).
   */
  private deleteEachItem(spec: KindSpec, ns: string): void {
    asOneRequest(this.client, (server) => {
      for (const item of server.list<KubeObject>(spec.kind, { namespace: ns })) {
        if (item.metadata.deletionTimestamp) continue;
        const name = item.metadata.name ?? '';
        // Events are recorded quietly, so they go quietly too.
        const ctx = this.write(`deleted ${spec.kind.toLowerCase()} ${ns}/${name}: namespace ${ns} is being deleted`, spec.kind === 'Event');
        server.delete(spec.kind, ns, name, ctx, { propagationPolicy: 'Background' });
      }
    });
  }

  /**
   * estimateGracefulTermination: for pods, the longest terminationGracePeriodSeconds of the pods not yet finished,
   * or 0 once that long has passed since the namespace's deletion.
   */
  private estimateGracefulTermination(spec: KindSpec, ns: string, deletedAt: number): number {
    if (spec.kind !== 'Pod') return 0;
    let estimate = 0;
    for (const pod of this.client.list<Pod & KubeObject>('Pod', { namespace: ns })) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
    }
    return this.clock.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
  }
}

function nsName(namespace: NamespaceObject): string {
  return namespace.metadata.name ?? '';
}

/** finalized: spec.finalizers is empty. */
function finalized(namespace: NamespaceObject): boolean {
  return (namespace.spec?.finalizers ?? []).length === 0;
}

/** gvrString is schema.GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
function gvrString(spec: KindSpec): string {
  return `${spec.group}/${spec.version}, Resource=${spec.plural}`;
}

/** aggregate is utilerrors.NewAggregate(errs).Error(): one message alone, several in brackets. */
function aggregate(messages: readonly string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** summary names the True deletion conditions for the narration, or says all content is removed. */
function summary(namespace: NamespaceObject): string {
  const problems = (namespace.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.message);
  return problems.length > 0 ? problems.join('; ') : 'All content successfully removed';
}
