// Mirrors pkg/kubelet/status/generate.go (the kubelet-owned pod conditions); leaves out observedGeneration on
// conditions (PodObservedGenerationTracking) and the alpha AllContainersRestarting condition.
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { goSlice } from '../format';

export const UnknownContainerStatuses = 'UnknownContainerStatuses';
export const PodCompleted = 'PodCompleted';
export const PodFailed = 'PodFailed';
export const ContainersNotReady = 'ContainersNotReady';
export const ContainersNotInitialized = 'ContainersNotInitialized';
export const ReadinessGatesNotReady = 'ReadinessGatesNotReady';

/** GeneratedCondition is a condition before the status manager stamps its transition time. */
export type GeneratedCondition = Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>;

/** isRestartableInitContainer: an init container with restartPolicy Always is a sidecar. */
export function isRestartableInitContainer(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/** generateContainersReadyCondition is True when every container and sidecar is ready. */
export function generateContainersReadyCondition(pod: Pod, statuses: readonly ContainerStatus[] | undefined, phase: string): GeneratedCondition {
  if (!statuses) return { type: 'ContainersReady', status: 'False', reason: UnknownContainerStatuses };
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (c: Container) => {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  };
  for (const c of pod.spec?.initContainers ?? []) if (isRestartableInitContainer(c)) check(c);
  for (const c of pod.spec?.containers ?? []) check(c);
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') {
    return { type: 'ContainersReady', status: 'False', reason: phase === 'Failed' ? PodFailed : PodCompleted };
  }
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goSlice(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goSlice(unready)}`);
  if (messages.length > 0) return { type: 'ContainersReady', status: 'False', reason: ContainersNotReady, message: messages.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

/** generatePodReadyCondition is ContainersReady, and every readiness gate's condition True. */
export function generatePodReadyCondition(
  pod: Pod,
  conditions: readonly PodCondition[],
  statuses: readonly ContainerStatus[] | undefined,
  phase: string,
): GeneratedCondition {
  const containersReady = generateContainersReadyCondition(pod, statuses, phase);
  if (containersReady.status !== 'True') {
    return { type: 'Ready', status: containersReady.status, reason: containersReady.reason, message: containersReady.message };
  }
  const messages: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (messages.length > 0) return { type: 'Ready', status: 'False', reason: ReadinessGatesNotReady, message: messages.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** generatePodInitializedCondition is True once every init container completed (sidecars: started). */
export function generatePodInitializedCondition(pod: Pod, statuses: readonly ContainerStatus[] | undefined, phase: string): GeneratedCondition {
  const inits = pod.spec?.initContainers ?? [];
  if (!statuses && inits.length > 0) return { type: 'Initialized', status: 'False', reason: UnknownContainerStatuses };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = statusOf(statuses ?? [], c.name);
    if (!s) unknown.push(c.name);
    else if (isRestartableInitContainer(c) ? s.started !== true : !s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: PodCompleted };
  // A regular container that has started means the pod was initialized, even while sidecars restart.
  const anyStarted = (pod.spec?.containers ?? []).some((c) => {
    const s = statusOf(statuses ?? [], c.name);
    return s?.state?.running !== undefined || s?.state?.terminated !== undefined || s?.lastState?.terminated !== undefined;
  });
  if (anyStarted) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goSlice(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goSlice(incomplete)}`);
  if (messages.length > 0) return { type: 'Initialized', status: 'False', reason: ContainersNotInitialized, message: messages.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

/** generatePodReadyToStartContainersCondition is True while the pod has a ready sandbox with its network set up. */
export function generatePodReadyToStartContainersCondition(sandboxReady: boolean): GeneratedCondition {
  return { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' };
}
