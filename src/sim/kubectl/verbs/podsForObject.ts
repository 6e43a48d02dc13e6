// Mirrors k8s.io/kubectl/pkg/polymorphichelpers (SelectorsForObject, GetFirstPod) and k8s.io/kubectl/pkg/util/podutils
// (ByLogging, ActivePods): how `kubectl logs deploy/x` and `kubectl port-forward deploy/x` pick one pod of a workload.
// Leaves out the watch GetFirstPod runs while no pod matches (it fails at once instead of after --pod-running-timeout).
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { labelSelectorAsSelector, selectorFromSet, type Selector } from '../../api/meta/v1/labelSelector';
import { parseTime } from '../../clock/timeFormat';
import { KubectlError, type KubectlContext } from '../verb';

export type PodObject = Pod & KubeObject;

/** Go type names of the objects SelectorsForObject refuses, as its error prints them (`*v1.ConfigMap`). */
function goTypeName(obj: KubeObject): string {
  const version = (obj.apiVersion ?? 'v1').split('/').pop();
  return `*${version}.${obj.kind}`;
}

/**
 * selectorForObject is SelectorsForObject: the pods a workload or Service selects. `what` is the caller's wording of
 * a failure, as logs words it: `cannot get the logs from *v1.ConfigMap`.
 */
export function selectorForObject(obj: KubeObject, what: (goType: string) => string): Selector {
  const spec = (obj as { spec?: { selector?: LabelSelector | Record<string, string> } }).spec;
  const fail = (reason: string) => new KubectlError(`${what(goTypeName(obj))}: ${reason}`);
  switch (obj.kind) {
    case 'Service':
      if (!spec?.selector || Object.keys(spec.selector).length === 0) {
        throw fail(`invalid service '${obj.metadata.name}': Service is defined without a selector`);
      }
      return selectorFromSet(spec.selector as Record<string, string>);
    case 'ReplicationController':
      return selectorFromSet(spec?.selector as Record<string, string> | undefined);
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return labelSelectorAsSelector(spec?.selector as LabelSelector | undefined);
    default:
      throw fail(`selector for ${goTypeName(obj)} not implemented`);
  }
}

/** PodOrder names podutils' sort orders: ByLogging for logs, reversed ActivePods for attach and port-forward. */
export type PodOrder = 'logging' | 'attach';

/**
 * firstPod is GetFirstPod: the matching pods of the namespace, sorted, and the first of them with the count. With
 * none it fails as GetFirstPod does when its wait for a pod times out.
 */
export function firstPod(ctx: KubectlContext, namespace: string, selector: Selector, order: PodOrder): { pod: PodObject; count: number } {
  const pods = ctx.client.list<PodObject>('Pod', { namespace }).filter((p) => selector.matches(p.metadata.labels));
  if (pods.length === 0) throw new KubectlError('timed out waiting for the condition');
  const sorted = [...pods].sort(order === 'logging' ? byLogging : (a, b) => activePods(b, a));
  return { pod: sorted[0]!, count: pods.length };
}

const PHASE_FOR_LOGGING: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
const PHASE_FOR_ACTIVE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** byLogging is podutils.ByLogging: assigned, running, ready (longest first), most restarted, oldest. */
function byLogging(a: PodObject, b: PodObject): number {
  if (a.spec?.nodeName !== b.spec?.nodeName && (!a.spec?.nodeName || !b.spec?.nodeName)) return a.spec?.nodeName ? -1 : 1;
  const pa = PHASE_FOR_LOGGING[a.status?.phase ?? ''] ?? 3;
  const pb = PHASE_FOR_LOGGING[b.status?.phase ?? ''] ?? 3;
  if (pa !== pb) return pa - pb;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b)) {
    const ra = readyTime(a);
    const rb = readyTime(b);
    if (ra !== rb) return afterOrZero(rb, ra) ? -1 : 1;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = parseTime(a.metadata.creationTimestamp);
  const cb = parseTime(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(cb, ca) ? -1 : 1;
  return 0;
}

/** activePods is podutils.ActivePods' Less as a comparator: the pod a controller would delete first sorts first. */
function activePods(a: PodObject, b: PodObject): number {
  if (a.spec?.nodeName !== b.spec?.nodeName && (!a.spec?.nodeName || !b.spec?.nodeName)) return a.spec?.nodeName ? 1 : -1;
  const pa = PHASE_FOR_ACTIVE[a.status?.phase ?? ''] ?? -1;
  const pb = PHASE_FOR_ACTIVE[b.status?.phase ?? ''] ?? -1;
  if (pa !== pb) return pa - pb;
  if (isReady(a) !== isReady(b)) return isReady(a) ? 1 : -1;
  if (isReady(a) && isReady(b)) {
    const ra = readyTime(a);
    const rb = readyTime(b);
    if (ra !== rb) return afterOrZero(ra, rb) ? -1 : 1;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = parseTime(a.metadata.creationTimestamp);
  const cb = parseTime(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(ca, cb) ? -1 : 1;
  return 0;
}

function readyCondition(pod: PodObject): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** isReady is podutil.IsPodReady. */
export function isReady(pod: PodObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

function readyTime(pod: PodObject): number | undefined {
  return parseTime(readyCondition(pod)?.lastTransitionTime);
}

/** afterOrZero: an unset time sorts after any set one; otherwise whether t1 is after t2. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

function maxRestarts(pod: PodObject): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));
}
