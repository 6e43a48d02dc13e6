// Mirrors pkg/scheduler/framework/plugins/helper/spread.go (DefaultSelector, GetPodServices); reads the objects
// through the API client instead of informer listers.
import type { Pod, ReplicationController, Service } from 'kubernetes-types/core/v1';
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { LabelSelector, LabelSelectorRequirement, OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../api/object';
import type { ApiClient } from '../../../store/types';
import { labelSelectorAsSelector, type Selector } from '../../../api/meta/v1/labelSelector';

/** controllerOf returns the owner reference with controller=true, as metav1.GetControllerOfNoCopy. */
function controllerOf(pod: Pod): OwnerReference | undefined {
  return (pod.metadata?.ownerReferences ?? []).find((ref) => ref.controller === true);
}

/** setMatches is labels.Set(selector).AsSelectorPreValidated().Matches(podLabels). */
function setMatches(set: Readonly<Record<string, string>>, podLabels: Readonly<Record<string, string>>): boolean {
  for (const key in set) {
    if (!Object.prototype.hasOwnProperty.call(podLabels, key) || podLabels[key] !== set[key]) return false;
  }
  return true;
}

/**
 * getPodServices gets the Services of the pod's namespace whose selector matches the pod's labels. A Service
 * without a selector matches nothing, not everything.
 */
export function getPodServices(client: ApiClient, pod: Pod): Service[] {
  const podLabels = pod.metadata?.labels ?? {};
  return client
    .list<Service & KubeObject>('Service', { namespace: pod.metadata?.namespace ?? '' })
    .filter((svc) => svc.spec?.selector != null && setMatches(svc.spec.selector, podLabels));
}

/** requirementsOf returns the requirements of a LabelSelector, matchLabels first, as LabelSelectorAsSelector. */
function requirementsOf(ls: LabelSelector): LabelSelectorRequirement[] {
  const fromLabels = Object.entries(ls.matchLabels ?? {}).map(([key, value]) => ({
    key,
    operator: 'In',
    values: [value],
  }));
  return [...fromLabels, ...(ls.matchExpressions ?? [])];
}

/**
 * Selectors by what they are converted from. Every pod of a ReplicaSet asks for the same selector in each of its
 * scheduling cycles: it is converted once. Selectors are immutable. Bounded, since label sets typed into the editor
 * are unbounded.
 */
const selectors = new Map<string, Selector>();
const SELECTORS_SIZE = 1024;

function selectorOf(ls: LabelSelector): Selector {
  const key = JSON.stringify([ls.matchLabels, ls.matchExpressions]);
  let selector = selectors.get(key);
  if (!selector) {
    if (selectors.size >= SELECTORS_SIZE) selectors.clear();
    selectors.set(key, (selector = labelSelectorAsSelector(ls)));
  }
  return selector;
}

/**
 * The selector of each (frozen, so unchanging) ReplicaSet or StatefulSet selector, when no Service adds labels:
 * the usual case, found without building selectorOf's text key in every scheduling cycle.
 */
const controllerSelectors = new WeakMap<LabelSelector, Selector>();

/** controllerSelector is selectorOf for a controller's selector alone. */
function controllerSelector(ls: LabelSelector): Selector {
  if (!Object.isFrozen(ls)) return selectorOf({ matchLabels: {}, matchExpressions: requirementsOf(ls) });
  let selector = controllerSelectors.get(ls);
  if (!selector) controllerSelectors.set(ls, (selector = selectorOf({ matchLabels: {}, matchExpressions: requirementsOf(ls) })));
  return selector;
}

/**
 * defaultSelector returns a selector deduced from the Services, ReplicationControllers, ReplicaSets and
 * StatefulSets matching the given pod. Since they all match the pod, their labels do not conflict and merging
 * them is safe. An empty selector (nothing selects the pod) means "no default spreading" to the caller.
 */
export function defaultSelector(pod: Pod, client: ApiClient): Selector {
  const ns = pod.metadata?.namespace ?? '';
  const labelSet: Record<string, string> = {};
  for (const svc of getPodServices(client, pod)) Object.assign(labelSet, svc.spec?.selector);
  const extra: LabelSelectorRequirement[] = [];

  const owner = controllerOf(pod);
  if (owner) {
    const gvk = `${owner.apiVersion}/${owner.kind}`;
    if (gvk === 'v1/ReplicationController') {
      const rc = client.get<ReplicationController & KubeObject>('ReplicationController', ns, owner.name);
      if (rc) Object.assign(labelSet, rc.spec?.selector);
    } else if (gvk === 'apps/v1/ReplicaSet' || gvk === 'apps/v1/StatefulSet') {
      const kind = owner.kind;
      const controller = client.get<(ReplicaSet | StatefulSet) & KubeObject>(kind, ns, owner.name);
      // A nil selector converts to labels.Nothing(), whose Requirements() is not ok: nothing is added.
      const ls = controller?.spec?.selector;
      if (ls && Object.keys(labelSet).length === 0) return controllerSelector(ls);
      if (ls) extra.push(...requirementsOf(ls));
    }
  }
  return selectorOf({ matchLabels: labelSet, matchExpressions: extra });
}
