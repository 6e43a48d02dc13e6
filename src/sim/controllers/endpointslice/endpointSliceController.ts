// Mirrors pkg/controller/endpointslice/endpointslice_controller.go (NewController, the informer handlers,
// syncService, handleErr, dropEndpointSlicesPendingDeletion). Leaves out metrics, the topology queue (hints) and
// parallel workers; endpointUpdatesBatchPeriod is 0, the kube-controller-manager default.
import type { Informer } from '../../client/informer';
import { splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';
import { messageOf } from '../podControl';
import { EndpointSliceTracker } from './endpointSliceTracker';
import { Reconciler } from './reconciler';
import { Retries } from './retries';
import { selectorMatches, serviceSelector, watchServicesAndPods } from './serviceMembership';
import { TriggerTimeTracker } from './triggerTimeTracker';
import { serviceControllerKey, type NodeObject, type ServiceObject, type SliceObject } from './utils';
import { ENDPOINTSLICE_CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './wellKnown';

/** ENDPOINTSLICE_CONTROLLER is the name the controller acts under. */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
/** DEFAULT_MAX_ENDPOINTS_PER_SLICE is kube-controller-manager's --max-endpoints-per-slice default. */
export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;
/**
 * The retry back-off starts at 1 s, not client-go's 5 ms: a sync may rewrite many slices, and retrying it fast
 * would overwhelm the API server. It doubles up to 1000 s.
 */
const DEFAULT_SYNC_BACKOFF_MS = 1000;
const MAX_SYNC_BACKOFF_MS = 1000 * 1000;
/** A change to a slice by someone else is looked at after this delay, so that several such changes are batched. */
const ENDPOINTSLICE_CHANGE_MIN_SYNC_DELAY_MS = 1000;

/**
 * EndpointSliceController keeps, for every Service with a selector, EndpointSlices listing the pods it selects:
 * their addresses, ports, readiness, node and zone, at most maxEndpointsPerSlice per slice.
 */
export class EndpointSliceController implements Controller {
  readonly name = ENDPOINTSLICE_CONTROLLER;
  private readonly queue: WorkQueue;
  private readonly services: Informer<ServiceObject>;
  private readonly pods: Informer<PodObject>;
  private readonly nodes: Informer<NodeObject>;
  private readonly slices: Informer<SliceObject>;
  private readonly tracker = new EndpointSliceTracker();
  private readonly triggerTimeTracker = new TriggerTimeTracker();
  private readonly reconciler: Reconciler;
  private readonly retries = new Retries(DEFAULT_SYNC_BACKOFF_MS, MAX_SYNC_BACKOFF_MS);
  /** Slice events held back while the controller's own write and its bookkeeping run (see asOneWrite). */
  private heldEvents: (() => void)[] | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    maxEndpointsPerSlice: number = DEFAULT_MAX_ENDPOINTS_PER_SLICE,
  ) {
    this.queue = new WorkQueue(ctx.clock, this.name, (key) => this.processServiceKey(key), { rateLimiter: ctx.rateLimiter });
    this.services = ctx.informers.forKind<ServiceObject>('Service');
    this.pods = ctx.informers.forKind<PodObject>('Pod');
    this.nodes = ctx.informers.forKind<NodeObject>('Node');
    this.slices = ctx.informers.forKind<SliceObject>('EndpointSlice');
    this.reconciler = new Reconciler({
      client: ctx.client,
      nodeLister: this.nodes,
      maxEndpointsPerSlice,
      tracker: this.tracker,
      controllerName: ENDPOINTSLICE_CONTROLLER_NAME,
      actor: this.name,
      asOneWrite: (write) => this.asOneWrite(write),
    });
    watchServicesAndPods(this.services, this.pods, (key) => this.queue.add(key));
    this.slices.addEventHandler({
      add: (slice) => this.hold(() => this.onEndpointSliceAdd(slice)),
      update: (old, cur) => this.hold(() => this.onEndpointSliceUpdate(old, cur)),
      delete: (slice) => this.hold(() => this.onEndpointSliceDelete(slice)),
    });
  }


  /** A slice someone else created is looked at (the tracker knows the controller's own). */
  private onEndpointSliceAdd(slice: SliceObject): void {
    if (managedByController(slice) && this.tracker.shouldSync(slice)) this.queueServiceForEndpointSlice(slice);
  }

  /**
   * A slice someone else changed is looked at, and so is one whose managed-by label moved to or from this
   * controller. A changed service-name label (the generation does not move on label changes) wakes both Services.
   */
  private onEndpointSliceUpdate(old: SliceObject, cur: SliceObject): void {
    if (old.metadata.labels?.[LABEL_SERVICE_NAME] !== cur.metadata.labels?.[LABEL_SERVICE_NAME]) {
      this.queueServiceForEndpointSlice(cur);
      this.queueServiceForEndpointSlice(old);
      return;
    }
    if (managedByController(old) !== managedByController(cur) || (managedByController(cur) && this.tracker.shouldSync(cur))) {
      this.queueServiceForEndpointSlice(cur);
    }
  }

  /** A slice deleted by someone else is re-created by a sync of its Service. */
  private onEndpointSliceDelete(slice: SliceObject): void {
    if (managedByController(slice) && this.tracker.has(slice) && !this.tracker.handleDeletion(slice)) this.queueServiceForEndpointSlice(slice);
  }

  private queueServiceForEndpointSlice(slice: SliceObject): void {
    const key = serviceControllerKey(slice);
    if (key) this.queue.addAfter(key, ENDPOINTSLICE_CHANGE_MIN_SYNC_DELAY_MS);
  }

  /**
   * asOneWrite runs one of the controller's writes with its tracker bookkeeping, and only then lets the slice
   * handlers see the events the write caused, as upstream's informer would deliver them: later.
   */
  private asOneWrite(write: () => void): void {
    this.heldEvents = [];
    try {
      write();
    } finally {
      const held = this.heldEvents;
      this.heldEvents = undefined;
      for (const handle of held) handle();
    }
  }

  private hold(handle: () => void): void {
    if (this.heldEvents) this.heldEvents.push(handle);
    else handle();
  }

  /** processServiceKey is processNextServiceWorkItem with handleErr: retry with back-off, give up after 15 tries. */
  private processServiceKey(key: string): void {
    let err: Error | undefined;
    try {
      err = this.syncService(key);
    } catch (e) {
      err = e instanceof Error ? e : new Error(messageOf(e));
    }
    if (!err) {
      this.retries.forget(key);
      return;
    }
    const delay = this.retries.failed(key);
    if (delay !== undefined) this.queue.addAfter(key, delay);
  }

  /**
   * syncService lists the pods the Service selects and its slices, and has the reconciler bring the slices in line.
   * A deleted Service needs nothing: the garbage collector deletes its slices through their owner reference.
   */
  syncService(key: string): Error | undefined {
    const { namespace, name } = splitKey(key);
    const service = this.services.get(namespace, name);
    if (!service) {
      this.triggerTimeTracker.deleteService(namespace, name);
      this.tracker.deleteService(namespace, name);
      return undefined;
    }
    // ExternalName Services have no endpoints; Services without a selector get theirs from someone else.
    if (service.spec?.type === 'ExternalName') return undefined;
    const selector = serviceSelector(service);
    if (!selector) return undefined;

    const pods = this.pods.list(namespace).filter((pod) => selectorMatches(selector, pod.metadata.labels));
    // Slices being deleted are left out, so that a slow deletion cannot block the Service.
    const slices = this.slices
      .list(namespace)
      .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === name && managedByController(s) && !s.metadata.deletionTimestamp);
    if (this.tracker.staleSlices(service, slices)) return new Error('EndpointSlice informer cache is out of date');

    // Computed even when the sync turns out to change nothing, so the tracker's state moves on.
    const triggerTime = this.triggerTimeTracker.computeEndpointLastChangeTriggerTime(namespace, service, pods);
    const errs = this.reconciler.reconcile(service, pods, slices, triggerTime);
    if (errs.length === 0) return undefined;
    const message = errs.map((e) => e.message).join(', ');
    this.ctx.recorder.event(service, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${namespace}/${name}: ${message}`, {
      component: 'endpoint-slice-controller',
    });
    return new Error(message);
  }
}

function managedByController(slice: SliceObject): boolean {
  return slice.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME;
}

