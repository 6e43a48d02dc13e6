// Mirrors k8s.io/endpointslice reconciler.go (Reconcile, reconcileByAddressType, reconcileByPortMapping, finalize,
// placeholderSliceCompare). Leaves out metrics, topology hints and trafficDistribution. Where upstream walks Go maps
// (random order), this walks insertion order: pods in namespace/name order, slices in name order.
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { Informer } from '../../client/informer';
import type { VirtualMs } from '../../clock/virtualClock';
import { deepEqual } from '../../store/mergePatch';
import { deepCopy } from '../../store/deepCopy';
import type { ApiClient, WriteContext } from '../../store/types';
import { isNamespaceTerminating, isNotFound, messageOf } from '../podControl';
import type { PodObject } from '../controllerUtils';
import { EndpointSet } from './endpointSet';
import type { EndpointSliceTracker } from './endpointSliceTracker';
import * as narrate from './narration';
import { newPortMapKey, type PortMapKey } from './portMapKey';
import { serviceSelector } from './serviceMembership';
import {
  addTriggerTimeAnnotation,
  endpointsEqualBeyondHash,
  getAddressTypesForService,
  getEndpointPorts,
  getSliceToFill,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  setEndpointSliceLabels,
  shouldPodBeInEndpoints,
  type AddressType,
  type EndpointMeta,
  type NodeObject,
  type ServiceObject,
  type SliceObject,
} from './utils';

export interface ReconcilerOptions {
  client: ApiClient;
  nodeLister: Informer<NodeObject>;
  maxEndpointsPerSlice: number;
  tracker: EndpointSliceTracker;
  /** The managed-by label value. */
  controllerName: string;
  /** The actor the writes are narrated under. */
  actor: string;
  /**
   * asOneWrite runs a write together with the tracker update that follows it. Upstream's informer reports a write
   * only after the tracker knows of it; here a watch handler runs inside the write, so the controller holds its
   * handlers back until the bookkeeping is done.
   */
  asOneWrite(write: () => void): void;
}

/** What one sync needs to narrate: the Service's pods, and the slices as they were before it. */
interface SyncContext {
  service: ServiceObject;
  pods: readonly PodObject[];
  before: ReadonlyMap<string, SliceObject>;
  /** Why a slice is deleted, by slice name. */
  whyDeleted: Map<string, string>;
}

/** A pod's resolved ports, their key, and its endpoint, for one Service, node and address type. Never modified. */
interface PodEndpoint {
  node: NodeObject | undefined;
  addressType: AddressType;
  ports: EndpointPort[];
  key: PortMapKey;
  endpoint: Endpoint;
}

/** Changes planned for one group of slices. */
interface Plan {
  toCreate: SliceObject[];
  toUpdate: SliceObject[];
  toDelete: SliceObject[];
}

/** Reconciler turns the pods matching a Service into EndpointSlices: it creates, updates and deletes slices. */
export class Reconciler {
  /** What each pod makes for each Service (see podEndpoint). */
  private readonly podEndpoints = new WeakMap<PodObject, WeakMap<ServiceObject, PodEndpoint>>();

  constructor(private readonly opts: ReconcilerOptions) {}

  /**
   * reconcile brings the Service's slices in line with its pods, one address type at a time, and deletes slices of
   * address types the Service no longer has. It returns the errors met on the way; the rest of the work is done.
   */
  reconcile(service: ServiceObject, pods: readonly PodObject[], existingSlices: readonly SliceObject[], triggerTime: VirtualMs | undefined): Error[] {
    const errs: Error[] = [];
    const supported = getAddressTypesForService(service);
    const ctx: SyncContext = { service, pods, before: new Map(existingSlices.map((s) => [s.metadata.name ?? '', s])), whyDeleted: new Map() };
    const slicesToDelete: SliceObject[] = [];
    const slicesByAddressType = new Map<string, SliceObject[]>();
    for (const slice of existingSlices) {
      if (!supported.includes(slice.addressType as AddressType)) {
        ctx.whyDeleted.set(slice.metadata.name ?? '', `the Service no longer has IP family ${slice.addressType}`);
        slicesToDelete.push(slice);
        continue;
      }
      const list = slicesByAddressType.get(slice.addressType) ?? [];
      list.push(slice);
      slicesByAddressType.set(slice.addressType, list);
    }
    for (const addressType of supported) errs.push(...this.reconcileByAddressType(ctx, slicesByAddressType.get(addressType) ?? [], triggerTime, addressType));
    for (const slice of slicesToDelete) {
      const err = this.deleteEndpointSlice(ctx, slice);
      if (err) errs.push(new Error(`error deleting ${slice.metadata.name} EndpointSlice for Service ${service.metadata.namespace}/${service.metadata.name}: ${err.message}`));
    }
    return errs;
  }

  private reconcileByAddressType(ctx: SyncContext, existingSlices: readonly SliceObject[], triggerTime: VirtualMs | undefined, addressType: AddressType): Error[] {
    const { service } = ctx;
    const errs: Error[] = [];
    const plan: Plan = { toCreate: [], toUpdate: [], toDelete: [] };

    const existingSlicesByPortMap = new Map<PortMapKey, SliceObject[]>();
    for (const slice of existingSlices) {
      if (ownedBy(slice, service)) {
        const key = newPortMapKey([...(slice.ports ?? [])]);
        existingSlicesByPortMap.set(key, [...(existingSlicesByPortMap.get(key) ?? []), slice]);
      } else {
        ctx.whyDeleted.set(slice.metadata.name ?? '', 'it belongs to an earlier Service of the same name');
        plan.toDelete.push(slice);
      }
    }

    const desiredMetaByPortMap = new Map<PortMapKey, EndpointMeta>();
    const desiredEndpointsByPortMap = new Map<PortMapKey, EndpointSet>();
    for (const pod of ctx.pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const nodeName = pod.spec?.nodeName ?? '';
      const node = this.opts.nodeLister.get('', nodeName);
      const { ports, key, endpoint } = this.podEndpoint(pod, service, node, addressType);
      let desired = desiredEndpointsByPortMap.get(key);
      if (!desired) desiredEndpointsByPortMap.set(key, (desired = new EndpointSet()));
      if (!desiredMetaByPortMap.has(key)) desiredMetaByPortMap.set(key, { addressType, ports });
      // A pod on a node that does not exist is left out (and the Service retried) unless the Service publishes
      // not-ready addresses: then the user asked for every address.
      if (!node && !service.spec?.publishNotReadyAddresses) {
        errs.push(new Error(`skipping Pod ${pod.metadata.name} for Service ${service.metadata.namespace}/${service.metadata.name}: Node ${nodeName} Not Found`));
        continue;
      }
      if (endpoint.addresses.length > 0) desired.insert(endpoint);
    }

    for (const [portMap, desired] of desiredEndpointsByPortMap) {
      const pm = this.reconcileByPortMapping(ctx, existingSlicesByPortMap.get(portMap) ?? [], desired, desiredMetaByPortMap.get(portMap)!);
      plan.toCreate.push(...pm.toCreate);
      plan.toUpdate.push(...pm.toUpdate);
      plan.toDelete.push(...pm.toDelete);
    }
    // Slices of a port list no pod resolves to any more go.
    for (const [portMap, slices] of existingSlicesByPortMap) {
      if (desiredEndpointsByPortMap.has(portMap)) continue;
      for (const slice of slices) ctx.whyDeleted.set(slice.metadata.name ?? '', 'no pod resolves the Service ports to its port list any more');
      plan.toDelete.push(...slices);
    }

    // A Service with no endpoints still gets one empty slice, so consumers can tell "none" from "not yet synced".
    if (existingSlices.length === plan.toDelete.length && plan.toCreate.length < 1) {
      const placeholder = newEndpointSlice(service, { ports: [], addressType }, this.opts.controllerName);
      if (plan.toDelete.length === 1 && placeholderSliceEqual(plan.toDelete[0], placeholder)) plan.toDelete = [];
      else plan.toCreate.push(placeholder);
    }

    const err = this.finalize(ctx, plan, triggerTime);
    if (err) errs.push(err);
    return errs;
  }

  /**
   * podEndpoint is getEndpointPorts, NewPortMapKey and podToEndpoint for one pod, remembered while the pod, the
   * Service and the node stay the same objects (stored objects are frozen, so a change is a new object). Every pod
   * is looked at on every sync of its Service; most have not changed since the last one.
   */
  private podEndpoint(pod: PodObject, service: ServiceObject, node: NodeObject | undefined, addressType: AddressType): PodEndpoint {
    let byService = this.podEndpoints.get(pod);
    if (!byService) this.podEndpoints.set(pod, (byService = new WeakMap()));
    const cached = byService.get(service);
    if (cached && cached.node === node && cached.addressType === addressType) return cached;
    const ports = getEndpointPorts(service, pod);
    const entry: PodEndpoint = { node, addressType, ports, key: newPortMapKey(ports), endpoint: podToEndpoint(pod, node, service, addressType) };
    byService.set(service, entry);
    return entry;
  }

  /**
   * reconcileByPortMapping plans the slices of one port list: (1) existing slices keep the endpoints still desired,
   * updated in place, and follow the Service's labels; (2) slices already being updated are filled up, fullest
   * first; (3) what is left goes into the unchanged slice it fills best, or into new slices.
   */
  private reconcileByPortMapping(ctx: SyncContext, existingSlices: readonly SliceObject[], desiredSet: EndpointSet, meta: EndpointMeta): Plan {
    const max = this.opts.maxEndpointsPerSlice;
    const slicesByName = new Map<string, SliceObject>();
    const unchanged = new Set<string>();
    const toUpdate = new Set<string>();
    const toDelete = new Set<string>();

    for (const existing of existingSlices) {
      const name = existing.metadata.name ?? '';
      slicesByName.set(name, existing);
      const newEndpoints: Endpoint[] = [];
      let endpointUpdated = false;
      for (const endpoint of existing.endpoints ?? []) {
        const got = desiredSet.get(endpoint);
        if (!got) continue;
        newEndpoints.push(got);
        if (!endpointsEqualBeyondHash(got, endpoint)) endpointUpdated = true;
        // Once placed, an endpoint needs no other slice.
        desiredSet.delete(endpoint);
      }
      const { labels, changed } = setEndpointSliceLabels(existing, ctx.service, this.opts.controllerName);
      if (endpointUpdated || (existing.endpoints ?? []).length !== newEndpoints.length) {
        if (newEndpoints.length === 0) {
          ctx.whyDeleted.set(name, `none of its ${existing.endpoints.length} endpoints is wanted any more`);
          toDelete.add(name);
        } else {
          const copy = deepCopy(existing);
          copy.endpoints = newEndpoints;
          copy.metadata.labels = labels;
          slicesByName.set(name, copy);
          toUpdate.add(name);
        }
      } else if (changed) {
        const copy = deepCopy(existing);
        copy.metadata.labels = labels;
        slicesByName.set(name, copy);
        toUpdate.add(name);
      } else {
        unchanged.add(name);
      }
    }

    if (desiredSet.size > 0 && toUpdate.size > 0) {
      const fullestFirst = [...toUpdate].map((n) => slicesByName.get(n)!).sort((a, b) => b.endpoints.length - a.endpoints.length);
      for (const slice of fullestFirst) while (desiredSet.size > 0 && slice.endpoints.length < max) slice.endpoints.push(desiredSet.popAny()!);
    }

    const toCreate: SliceObject[] = [];
    while (desiredSet.size > 0) {
      let sliceToFill: SliceObject | undefined;
      if (desiredSet.size < max && unchanged.size > 0) {
        sliceToFill = getSliceToFill([...unchanged].map((n) => slicesByName.get(n)!), desiredSet.size, max);
      }
      if (!sliceToFill) {
        sliceToFill = newEndpointSlice(ctx.service, meta, this.opts.controllerName);
      } else {
        sliceToFill = deepCopy(sliceToFill);
        slicesByName.set(sliceToFill.metadata.name ?? '', sliceToFill);
      }
      while (desiredSet.size > 0 && sliceToFill.endpoints.length < max) sliceToFill.endpoints.push(desiredSet.popAny()!);
      // New slices have no name yet: the API server generates it.
      if (sliceToFill.metadata.name) {
        toUpdate.add(sliceToFill.metadata.name);
        unchanged.delete(sliceToFill.metadata.name);
      } else {
        toCreate.push(sliceToFill);
      }
    }
    return {
      toCreate,
      toUpdate: [...toUpdate].map((n) => slicesByName.get(n)!),
      toDelete: [...toDelete].map((n) => slicesByName.get(n)!),
    };
  }

  /**
   * finalize writes the plan. A slice to create and one to delete become one update of the latter (of the same
   * address type and Service), which saves two writes. Nothing is created for a Service being deleted, so as not to
   * race the garbage collector. It returns the first failure.
   */
  private finalize(ctx: SyncContext, plan: Plan, triggerTime: VirtualMs | undefined): Error | undefined {
    const { service } = ctx;
    const { toCreate, toUpdate, toDelete } = plan;
    for (let i = 0; i < toDelete.length; ) {
      if (toCreate.length === 0) break;
      const sliceToDelete = toDelete[i];
      const slice = toCreate[toCreate.length - 1];
      if (sliceToDelete.addressType === slice.addressType && ownedBy(sliceToDelete, service)) {
        slice.metadata.name = sliceToDelete.metadata.name;
        toCreate.pop();
        toUpdate.push(slice);
        toDelete.splice(i, 1);
      } else {
        i++;
      }
    }
    const svc = `${service.metadata.namespace}/${service.metadata.name}`;
    if (!service.metadata.deletionTimestamp) {
      for (const slice of toCreate) {
        addTriggerTimeAnnotation(slice, triggerTime);
        try {
          this.opts.asOneWrite(() => this.opts.tracker.update(this.opts.client.create(slice, this.write(createReason(ctx, slice)))));
        } catch (err) {
          // In a terminating namespace creates keep failing: drop the Service.
          if (isNamespaceTerminating(err)) return undefined;
          return new Error(`failed to create EndpointSlice for Service ${svc}: ${messageOf(err)}`);
        }
      }
    }
    for (const slice of toUpdate) {
      addTriggerTimeAnnotation(slice, triggerTime);
      try {
        this.opts.asOneWrite(() => this.opts.tracker.update(this.opts.client.update(slice, this.write(updateReason(ctx, slice)))));
      } catch (err) {
        return new Error(`failed to update ${slice.metadata.name} EndpointSlice for Service ${svc}: ${messageOf(err)}`);
      }
    }
    for (const slice of toDelete) {
      const err = this.deleteEndpointSlice(ctx, slice);
      if (err) return new Error(`failed to delete ${slice.metadata.name} EndpointSlice for Service ${svc}: ${err.message}`);
    }
    return undefined;
  }

  /** deleteEndpointSlice deletes a slice; one already gone is fine. */
  private deleteEndpointSlice(ctx: SyncContext, slice: SliceObject): Error | undefined {
    const name = slice.metadata.name ?? '';
    const reason = `deleted EndpointSlice ${name} of Service ${ctx.service.metadata.name}: ${ctx.whyDeleted.get(name) ?? 'it is not needed any more'}`;
    try {
      this.opts.asOneWrite(() => {
        this.opts.client.delete('EndpointSlice', slice.metadata.namespace ?? '', name, this.write(reason));
        this.opts.tracker.expectDeletion(slice);
      });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      return err instanceof Error ? err : new Error(String(err));
    }
    return undefined;
  }

  private write(reason: string): WriteContext {
    return { actor: this.opts.actor, reason };
  }
}

/**
 * placeholderSliceEqual is placeholderSliceCompare.DeepEqual: metadata compares only namespace and labels (and owner
 * references in full), so an existing placeholder is kept rather than deleted and created again.
 */
function placeholderSliceEqual(a: SliceObject, b: SliceObject): boolean {
  return (
    a.metadata.namespace === b.metadata.namespace &&
    deepEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    deepEqual(a.metadata.ownerReferences ?? [], b.metadata.ownerReferences ?? []) &&
    a.addressType === b.addressType &&
    (a.endpoints ?? []).length === 0 &&
    (a.ports ?? []).length === 0 &&
    (b.endpoints ?? []).length === 0 &&
    (b.ports ?? []).length === 0
  );
}

function podLookup(ctx: SyncContext): (name: string) => PodObject | undefined {
  return (name) => ctx.pods.find((p) => p.metadata.name === name);
}

function createReason(ctx: SyncContext, slice: SliceObject): string {
  const svc = ctx.service.metadata.name;
  if (slice.endpoints.length === 0) {
    return `created EndpointSlice {name} for Service ${svc} with no endpoints: ${narrate.whyEmpty(ctx.pods.length, narrate.selectorText(serviceSelector(ctx.service)))}`;
  }
  return `created EndpointSlice {name} for Service ${svc}: ${narrate.summary(slice.endpoints, podLookup(ctx))}`;
}

function updateReason(ctx: SyncContext, slice: SliceObject): string {
  const name = slice.metadata.name ?? '';
  const before = ctx.before.get(name)?.endpoints ?? [];
  const svc = ctx.service.metadata.name;
  if (slice.endpoints.length === 0) {
    return `updated EndpointSlice ${name} of Service ${svc} to have no endpoints: ${narrate.whyEmpty(ctx.pods.length, narrate.selectorText(serviceSelector(ctx.service)))}`;
  }
  const labelsChanged = !deepEqual(ctx.before.get(name)?.metadata.labels ?? {}, slice.metadata.labels ?? {});
  const changes = narrate.changes(before, slice.endpoints) || (labelsChanged ? "copied the Service's labels" : 'an endpoint moved node or zone');
  return `updated EndpointSlice ${name} of Service ${svc}: ${narrate.summary(slice.endpoints, podLookup(ctx))}; ${changes}`;
}
