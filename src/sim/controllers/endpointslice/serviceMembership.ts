// Mirrors k8s.io/endpointslice/util controller_utils.go (GetPodServiceMemberships, GetServicesToUpdateOnPodChange,
// GetPodUpdateProjectionKey, podEndpointsChanged, determineNeededServiceUpdates): which Services a pod event wakes.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Informer } from '../../client/informer';
import { keyFunc } from '../../client/informer';
import { isPodReady } from '../podUtil';
import type { PodObject } from '../controllerUtils';
import { podIPs, type ServiceObject } from './utils';
import { labelsEqual, type Labels } from '../../api/meta/v1/labels';

/**
 * serviceSelector is the Service's selector, or undefined when it has none. An empty selector counts as none: it
 * does not survive the API server's storage (protobuf drops empty maps), so controllers never see one.
 */
export function serviceSelector(service: Service): Readonly<Record<string, string>> | undefined {
  const selector = service.spec?.selector;
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

/** selectorMatches is labels.SelectorFromSet(selector).Matches(labels). */
export function selectorMatches(selector: Readonly<Record<string, string>>, labels: Labels): boolean {
  for (const key in selector) if (labels?.[key] !== selector[key]) return false;
  return true;
}

/** SelectingService is a Service with a selector, as getServicesForPod tests it. */
interface SelectingService {
  readonly key: string;
  readonly selector: Readonly<Record<string, string>>;
}

/**
 * The Services with a selector per namespace (in list order), worked out once per state of the Service cache: every
 * pod change asks, and Services change far less often than pods. The informer's list is a new array after any
 * Service change, so a list seen before has the same Services.
 */
const selectingByList = new WeakMap<readonly ServiceObject[], Map<string, SelectingService[]>>();

function selectingServices(services: Informer<ServiceObject>, namespace: string): readonly SelectingService[] {
  const all = services.listed();
  let byNamespace = selectingByList.get(all);
  if (!byNamespace) {
    byNamespace = new Map();
    for (const svc of all) {
      const selector = serviceSelector(svc);
      if (!selector) continue;
      const ns = svc.metadata.namespace ?? '';
      let selecting = byNamespace.get(ns);
      if (!selecting) byNamespace.set(ns, (selecting = []));
      selecting.push({ key: keyFunc(svc), selector });
    }
    selectingByList.set(all, byNamespace);
  }
  return byNamespace.get(namespace) ?? [];
}

/** NO_SERVICES is what most pod changes wake: shared, since every pod write asks and the callers only read. */
const NO_SERVICES: ReadonlySet<string> = new Set();

/** getServicesForPod returns the keys of the Services in the namespace whose selector matches the labels. */
export function getServicesForPod(services: Informer<ServiceObject>, namespace: string, labels: Labels): ReadonlySet<string> {
  let keys: Set<string> | undefined;
  for (const { key, selector } of selectingServices(services, namespace)) if (selectorMatches(selector, labels)) (keys ??= new Set()).add(key);
  return keys ?? NO_SERVICES;
}

/** getPodServiceMemberships: the Services a pod belongs to now (used for adds and deletes). */
export function getPodServiceMemberships(services: Informer<ServiceObject>, pod: Pod): ReadonlySet<string> {
  return getServicesForPod(services, pod.metadata?.namespace ?? '', pod.metadata?.labels);
}

/**
 * getServicesToUpdateOnPodChange: nothing for a resync (same resourceVersion) or a change that cannot move an
 * endpoint; the pod's Services when its endpoint may change; and, when its labels changed, the Services it joined
 * or left (all old and new ones if its endpoint changed too).
 */
export function getServicesToUpdateOnPodChange(services: Informer<ServiceObject>, oldPod: Pod, newPod: Pod): ReadonlySet<string> {
  if (newPod.metadata?.resourceVersion === oldPod.metadata?.resourceVersion) return NO_SERVICES;
  const { podChanged, labelsChanged } = podEndpointsChanged(oldPod, newPod);
  if (!podChanged && !labelsChanged) return NO_SERVICES;
  const namespace = newPod.metadata?.namespace ?? '';
  const current = getServicesForPod(services, namespace, newPod.metadata?.labels);
  if (!labelsChanged) return current;
  const old = getServicesForPod(services, namespace, oldPod.metadata?.labels);
  if (podChanged) return new Set([...current, ...old]);
  return new Set([...[...current].filter((k) => !old.has(k)), ...[...old].filter((k) => !current.has(k))]);
}

/**
 * podEndpointsChanged: `podChanged` if the pod's endpoint may differ (deletion timestamp, readiness, IPs);
 * `labelsChanged` if the Services it matches may differ (labels, hostname, subdomain).
 */
export function podEndpointsChanged(oldPod: Pod, newPod: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged =
    !labelsEqual(oldPod.metadata?.labels, newPod.metadata?.labels) ||
    oldPod.spec?.hostname !== newPod.spec?.hostname ||
    oldPod.spec?.subdomain !== newPod.spec?.subdomain;
  // Upstream compares the two *metav1.Time pointers, which differ between any two decoded objects: every update
  // of a terminating pod counts as a change.
  if (oldPod.metadata?.deletionTimestamp !== undefined || newPod.metadata?.deletionTimestamp !== undefined) return { podChanged: true, labelsChanged };
  // Readiness comes from the conditions and the IPs from podIP(s): a version that shares them changed neither.
  const oldStatus = oldPod.status;
  const newStatus = newPod.status;
  if (oldStatus?.conditions !== newStatus?.conditions && isPodReady(oldPod) !== isPodReady(newPod)) return { podChanged: true, labelsChanged };
  if (oldStatus?.podIPs === newStatus?.podIPs && oldStatus?.podIP === newStatus?.podIP) return { podChanged: false, labelsChanged };
  const [oldIPs, newIPs] = [podIPs(oldPod), podIPs(newPod)];
  const podChanged = oldIPs.length !== newIPs.length || oldIPs.some((ip, i) => ip !== newIPs[i]);
  return { podChanged, labelsChanged };
}

/**
 * watchServicesAndPods is the informer wiring both endpoints controllers share: a Service change queues that Service;
 * a pod change queues every Service it belongs to, or belonged to before a label change (and a deleted pod the
 * Services it belonged to).
 */
export function watchServicesAndPods(services: Informer<ServiceObject>, pods: Informer<PodObject>, enqueue: (key: string) => void): void {
  services.addEventHandler({
    add: (svc) => enqueue(keyFunc(svc)),
    update: (_, cur) => enqueue(keyFunc(cur)),
    delete: (svc) => enqueue(keyFunc(svc)),
  });
  const addPod = (pod: Pod) => {
    for (const key of getPodServiceMemberships(services, pod)) enqueue(key);
  };
  pods.addEventHandler({
    add: addPod,
    update: (old, cur) => {
      for (const key of getServicesToUpdateOnPodChange(services, old, cur)) enqueue(key);
    },
    delete: addPod,
  });
}
