// Mirrors pkg/controller/endpoint/endpoints_controller.go (NewEndpointController, the informer handlers, syncService,
// podToEndpointAddressForService, addEndpointSubset, endpointPortFromServicePort, checkLeftoverEndpoints, handleErr).
// Leaves out parallel workers; endpointUpdatesBatchPeriod is 0, the kube-controller-manager default.
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { Informer } from '../../client/informer';
import { keyFunc, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { deepEqual } from '../../store/mergePatch';
import type { WriteContext } from '../../store/types';
import type { Controller, ControllerContext } from '../controllerContext';
import type { PodObject } from '../controllerUtils';
import { isNamespaceTerminating, isNotFound, messageOf } from '../podControl';
import { isPodReady } from '../podUtil';
import { Retries } from '../endpointslice/retries';
import { selectorMatches, serviceSelector, watchServicesAndPods } from '../endpointslice/serviceMembership';
import { TriggerTimeTracker } from '../endpointslice/triggerTimeTracker';
import { findPort, isServiceIPSet, podIPs, shouldPodBeInEndpoints, shouldSetHostname, type ServiceObject } from '../endpointslice/utils';
import { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, ENDPOINTS_OVER_CAPACITY, IS_HEADLESS_SERVICE } from '../endpointslice/wellKnown';
import { rfc3339 } from '../../clock/timeFormat';
import * as narrate from './narration';
import { repackSubsets } from './repackSubsets';
import { StaleEndpointsTracker } from './staleEndpointsTracker';
import { capacityAnnotationSetCorrectly, MAX_CAPACITY, truncateEndpoints } from './truncateEndpoints';

/** ENDPOINT_CONTROLLER is the name the controller acts under. */
export const ENDPOINT_CONTROLLER = 'endpoint-controller';
/** client-go's DefaultControllerRateLimiter per-item back-off: 5 ms doubling up to 1000 s. */
const BASE_RETRY_DELAY_MS = 5;
const MAX_RETRY_DELAY_MS = 1000 * 1000;
/** Leader election once kept its record in an Endpoints without a Service; such objects are left alone. */
const LEADER_ELECTION_RECORD_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

export type EndpointsObject = Endpoints & KubeObject;

/**
 * EndpointsController keeps the legacy Endpoints object of every Service with a selector: the IPs of its ready pods
 * in `addresses`, of the others in `notReadyAddresses`, packed into subsets by the ports they share.
 */
export class EndpointsController implements Controller {
  readonly name = ENDPOINT_CONTROLLER;
  private readonly queue: WorkQueue;
  private readonly services: Informer<ServiceObject>;
  private readonly pods: Informer<PodObject>;
  private readonly endpoints: Informer<EndpointsObject>;
  private readonly staleEndpointsTracker = new StaleEndpointsTracker();
  private readonly triggerTimeTracker = new TriggerTimeTracker();
  private readonly retries = new Retries(BASE_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS);
  /** What each pod contributes to each Service's Endpoints (see podSubsets). */
  private readonly podSubsetCache = new WeakMap<PodObject, WeakMap<ServiceObject, readonly EndpointSubset[]>>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, this.name, (key) => this.processKey(key), { rateLimiter: ctx.rateLimiter });
    this.services = ctx.informers.forKind<ServiceObject>('Service');
    this.pods = ctx.informers.forKind<PodObject>('Pod');
    this.endpoints = ctx.informers.forKind<EndpointsObject>('Endpoints');
    watchServicesAndPods(this.services, this.pods, (key) => this.queue.add(key));
    // An Endpoints deleted by someone else is re-created.
    this.endpoints.addEventHandler({ delete: (ep) => this.queue.add(keyFunc(ep)) });
    this.checkLeftoverEndpoints();
  }


  /**
   * checkLeftoverEndpoints queues every existing Endpoints once at start, so that one whose Service was deleted while
   * the controller was down is found and deleted.
   */
  private checkLeftoverEndpoints(): void {
    for (const ep of this.endpoints.list()) {
      if (ep.metadata.annotations?.[LEADER_ELECTION_RECORD_ANNOTATION] !== undefined) continue;
      this.queue.add(keyFunc(ep));
    }
  }

  /** processKey is processNextWorkItem with handleErr: retry with back-off, give up after 15 tries. */
  private processKey(key: string): void {
    try {
      this.syncService(key);
      this.retries.forget(key);
    } catch {
      const delay = this.retries.failed(key);
      if (delay !== undefined) this.queue.addAfter(key, delay);
    }
  }

  /** syncService writes the Service's Endpoints if they differ from what its pods make; it throws to be retried. */
  syncService(key: string): void {
    const { namespace, name } = splitKey(key);
    const service = this.services.get(namespace, name);
    if (!service) {
      // The Service is gone: so are its Endpoints (they have no owner reference for the garbage collector).
      try {
        this.ctx.client.delete('Endpoints', namespace, name, this.write(`deleted Endpoints ${name}: Service ${name} no longer exists`));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      this.triggerTimeTracker.deleteService(namespace, name);
      this.staleEndpointsTracker.delete(namespace, name);
      return;
    }
    // ExternalName Services have no endpoints; Services without a selector get theirs from someone else.
    if (service.spec?.type === 'ExternalName') return;
    const selector = serviceSelector(service);
    if (!selector) return;

    const pods = this.pods.list(namespace).filter((pod) => selectorMatches(selector, pod.metadata.labels));
    // Computed even when the sync turns out to change nothing, so the tracker's state moves on.
    const triggerTime = this.triggerTimeTracker.computeEndpointLastChangeTriggerTime(namespace, service, pods);
    const unpacked: EndpointSubset[] = [];
    for (const pod of pods) unpacked.push(...this.podSubsets(pod, service));
    const subsets = repackSubsets(unpacked);

    const current = this.endpoints.get(namespace, name);
    if (current && this.staleEndpointsTracker.isStale(current)) {
      throw new Error(`endpoints informer cache is out of date, resource version ${current.metadata.resourceVersion} already processed for endpoints ${key}`);
    }
    // The headless label is the controller's own, not the Service's: leave it out of the comparison.
    const { [IS_HEADLESS_SERVICE]: _headless, ...compareLabels } = current?.metadata.labels ?? {};
    if (
      current &&
      subsetsEqualIgnoreResourceVersion(current.subsets ?? [], subsets) &&
      deepEqual(compareLabels, { ...service.metadata.labels }) &&
      capacityAnnotationSetCorrectly(current.metadata.annotations, current.subsets ?? [])
    ) {
      return;
    }

    // Subsets, labels and annotations are replaced below: a shallow copy of the rest will do.
    const newEndpoints: EndpointsObject = current ? { ...current, metadata: { ...current.metadata } } : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    if (subsets.length > 0) newEndpoints.subsets = subsets;
    else delete newEndpoints.subsets;
    const annotations = { ...newEndpoints.metadata.annotations };
    if (triggerTime !== undefined) annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME] = rfc3339(triggerTime);
    else delete annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME];
    const truncated = truncateEndpoints(subsets);
    if (truncated) annotations[ENDPOINTS_OVER_CAPACITY] = 'truncated';
    else delete annotations[ENDPOINTS_OVER_CAPACITY];
    const labels: Record<string, string> = { ...service.metadata.labels };
    if (!isServiceIPSet(service)) labels[IS_HEADLESS_SERVICE] = '';
    else delete labels[IS_HEADLESS_SERVICE];
    // Empty maps are left out, as Go's omitempty leaves them out of the written object.
    newEndpoints.metadata.labels = labels;
    newEndpoints.metadata.annotations = annotations;
    if (Object.keys(labels).length === 0) delete newEndpoints.metadata.labels;
    if (Object.keys(annotations).length === 0) delete newEndpoints.metadata.annotations;

    const reason = this.reason(service, current, subsets, labels, pods, truncated);
    try {
      if (!current) {
        this.ctx.client.create(newEndpoints, this.write(reason));
        return;
      }
      const updated = this.ctx.client.update(newEndpoints, this.write(reason));
      // If the cache hands back the version just replaced, it has not caught up with this write yet.
      if (updated.metadata.resourceVersion !== current.metadata.resourceVersion) this.staleEndpointsTracker.stale(current);
    } catch (err) {
      // In a terminating namespace creates keep failing: drop the Service.
      if (!current && isNamespaceTerminating(err)) return;
      const [eventReason, message] = current
        ? ['FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${messageOf(err)}`]
        : ['FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${messageOf(err)}`];
      this.ctx.recorder.event(newEndpoints, 'Warning', eventReason, message, { component: this.name });
      throw err;
    }
  }

  /**
   * podSubsets is the loop body of syncService for one pod: its address with each Service port it offers (a
   * headless Service may have no ports), ready or not. It is remembered while the pod and the Service stay the same
   * objects (stored objects are frozen, so a change is a new object): most pods have not changed since the last sync.
   */
  private podSubsets(pod: PodObject, service: ServiceObject): readonly EndpointSubset[] {
    let byService = this.podSubsetCache.get(pod);
    if (!byService) this.podSubsetCache.set(pod, (byService = new WeakMap()));
    const cached = byService.get(service);
    if (cached) return cached;
    const subsets: EndpointSubset[] = [];
    const tolerateUnready = !!service.spec?.publishNotReadyAddresses;
    const epa = shouldPodBeInEndpoints(pod, tolerateUnready) ? podToEndpointAddressForService(service, pod) : undefined;
    if (epa) {
      if (shouldSetHostname(pod, service)) epa.hostname = pod.spec?.hostname;
      const servicePorts = service.spec?.ports ?? [];
      if (servicePorts.length === 0) {
        if (service.spec?.clusterIP === 'None') subsets.push(endpointSubset(pod, epa, undefined, tolerateUnready));
      }
      for (const sp of servicePorts) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const epp: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}) };
        subsets.push(endpointSubset(pod, epa, epp, tolerateUnready));
      }
    }
    byService.set(service, subsets);
    return subsets;
  }

  private reason(
    service: Service,
    current: EndpointsObject | undefined,
    subsets: readonly EndpointSubset[],
    labels: Readonly<Record<string, string>>,
    pods: readonly PodObject[],
    truncated: boolean,
  ): string {
    const svc = service.metadata?.name;
    const podByName = (n: string) => pods.find((p) => p.metadata.name === n);
    const state = subsets.length === 0 ? 'no addresses' : narrate.summary(subsets, podByName);
    const cut = truncated ? `; truncated to ${MAX_CAPACITY} addresses` : '';
    if (!current) return `created Endpoints ${svc} for Service ${svc}: ${state}${cut}`;
    const labelsChanged = !deepEqual(current.metadata.labels ?? {}, labels);
    const changes = narrate.changes(current.subsets, subsets) || (labelsChanged ? "copied the Service's labels" : 'an address changed its node or hostname');
    return `updated Endpoints ${svc}: ${state}; ${changes}${cut}`;
  }

  private write(reason: string): WriteContext {
    return { actor: this.name, reason };
  }
}

/**
 * podToEndpointAddressForService picks the pod IP of the Service's first IP family (for an old API server without
 * ipFamilies: its cluster IP's family, or for a headless Service the pod IP's), with the node and the pod.
 */
function podToEndpointAddressForService(svc: Service, pod: Pod): EndpointAddress | undefined {
  let ipv6: boolean;
  const families = svc.spec?.ipFamilies ?? [];
  if (families.length > 0) ipv6 = families[0] === 'IPv6';
  else if (isServiceIPSet(svc)) ipv6 = svc.spec!.clusterIP!.includes(':');
  else ipv6 = (pod.status?.podIP ?? '').includes(':');
  const ip = podIPs(pod).find((candidate) => candidate.includes(':') === ipv6);
  if (ip === undefined) return undefined;
  return {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  };
}

/** endpointSubset is addEndpointSubset: one address with one port (or none), ready or not. */
function endpointSubset(pod: Pod, epa: EndpointAddress, epp: EndpointPort | undefined, tolerateUnreadyEndpoints: boolean): EndpointSubset {
  const ports = epp ? [epp] : [];
  return tolerateUnreadyEndpoints || isPodReady(pod) ? { addresses: [epa], ports } : { notReadyAddresses: [epa], ports };
}

/**
 * subsetsEqualIgnoreResourceVersion is endpointSubsetsEqualIgnoreResourceVersion: a semantic deep equality (an
 * absent list equals an empty one) in which a target's resourceVersion does not count, so that a pod's annotation
 * change does not rewrite its Endpoints.
 */
function subsetsEqualIgnoreResourceVersion(a: readonly EndpointSubset[], b: readonly EndpointSubset[]): boolean {
  return a.length === b.length && a.every((s, i) => addressesEqual(s.addresses, b[i].addresses) && addressesEqual(s.notReadyAddresses, b[i].notReadyAddresses) && portsEqual(s.ports, b[i].ports));
}

function addressesEqual(a: readonly EndpointAddress[] | undefined, b: readonly EndpointAddress[] | undefined): boolean {
  const [x, y] = [a ?? [], b ?? []];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const [p, q] = [x[i], y[i]];
    if (p.ip !== q.ip || (p.hostname ?? '') !== (q.hostname ?? '') || p.nodeName !== q.nodeName) return false;
    if (!deepEqual(p.targetRef && { ...p.targetRef, resourceVersion: undefined }, q.targetRef && { ...q.targetRef, resourceVersion: undefined })) return false;
  }
  return true;
}

function portsEqual(a: readonly EndpointPort[] | undefined, b: readonly EndpointPort[] | undefined): boolean {
  const [x, y] = [a ?? [], b ?? []];
  // Go compares values: an unset name or protocol is the empty string.
  return x.length === y.length && x.every((p, i) => (p.name ?? '') === (y[i].name ?? '') && p.port === y[i].port && (p.protocol ?? '') === (y[i].protocol ?? '') && p.appProtocol === y[i].appProtocol);
}
