// Mirrors generateAPIPodStatus / convertToAPIContainerStatuses of pkg/kubelet/kubelet_pods.go, the status manager's
// transition-time and start-time bookkeeping (pkg/kubelet/status/status_manager.go updateStatusInternal) and
// TerminatePod's defaulting of never-seen containers. Leaves out resources, user and volume mount statuses.
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import { getPodQOS } from '../../api/core/v1/qos';
import type { VirtualMs } from '../../clock/virtualClock';
import { rfc3339 } from '../../clock/timeFormat';
import {
  generatePodInitializedCondition,
  generatePodReadyCondition,
  generatePodReadyToStartContainersCondition,
  generateContainersReadyCondition,
  type GeneratedCondition,
} from './generate';
import { getPhase } from './phase';

/** The conditions the kubelet owns; others (DisruptionTarget, readiness gates) are kept as the API has them. */
const KUBELET_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers']);

/** ContainerView is one container as the status generator needs it. */
export interface ContainerView {
  name: string;
  /** The API state and the previous instance's, as containerStatuses show them. */
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  /** `containerd://<id>` of the current instance, when there is one. */
  containerID?: string;
  image: string;
  imageID: string;
  ready: boolean;
  started: boolean;
}

/** PodStatusInput is everything generatePodStatus reads. */
export interface PodStatusInput {
  pod: Pod;
  /** The status last written by this kubelet, else the API's. */
  previous: PodStatus | undefined;
  now: VirtualMs;
  hostIP: string;
  podIP: string | undefined;
  sandboxReady: boolean;
  initContainers: readonly ContainerView[];
  containers: readonly ContainerView[];
  /** The pod worker has finished the pod: its phase must be terminal. */
  podIsTerminal: boolean;
  /** A regular container has run, so the pod was initialized (kubecontainer.HasAnyActiveRegularContainerStarted). */
  podHasInitialized: boolean;
}

/** generatePodStatus builds the status the kubelet writes for a pod. */
export function generatePodStatus(input: PodStatusInput): PodStatus {
  const { pod, previous, now } = input;
  const terminate = input.podIsTerminal;
  // TerminatePod: once initialized, a container not seen terminated counts as failed; an init container only if it
  // had started.
  const initStatuses = input.initContainers.map((v) => toStatus(v, terminate && v.state.running !== undefined));
  const statuses = input.containers.map((v) => toStatus(v, terminate && input.podHasInitialized));
  if (statuses.length > 1) statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Most pods have no init containers: their status lists are the app containers' alone, not copies of them.
  const noInit = initStatuses.length === 0;
  let phase: string = getPhase(pod, noInit ? statuses : [...statuses, ...initStatuses], input.podIsTerminal, input.podHasInitialized);
  const apiPhase = pod.status?.phase;
  // Pods never leave a terminal phase, whatever the containers look like now.
  if (phase !== 'Failed' && phase !== 'Succeeded') {
    if (previous?.phase === 'Failed' || previous?.phase === 'Succeeded') phase = previous.phase;
    else if (apiPhase === 'Failed' || apiPhase === 'Succeeded') phase = apiPhase;
    else if (input.podIsTerminal) phase = 'Failed';
  }
  const status: PodStatus = { phase };
  if (phase === previous?.phase) {
    if (previous.reason) status.reason = previous.reason;
    if (previous.message) status.message = previous.message;
  }
  const kept = (pod.status?.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type));
  const allStatuses = noInit ? statuses : [...initStatuses, ...statuses];
  const generated: GeneratedCondition[] = [
    generatePodReadyToStartContainersCondition(input.sandboxReady),
    generatePodInitializedCondition(pod, allStatuses, phase),
  ];
  generated.push(generatePodReadyCondition(pod, kept, allStatuses, phase));
  generated.push(generateContainersReadyCondition(pod, allStatuses, phase));
  generated.push({ type: 'PodScheduled', status: 'True' });
  const oldConditions = previous?.conditions ?? pod.status?.conditions ?? [];
  const stampNow = rfc3339(now);
  status.conditions = [...kept, ...generated.map((c) => stamp(c, oldConditions, stampNow))];
  status.hostIP = input.hostIP;
  status.hostIPs = [{ ip: input.hostIP }];
  if (input.podIP) {
    status.podIP = input.podIP;
    status.podIPs = [{ ip: input.podIP }];
  }
  status.startTime = previous?.startTime ?? pod.status?.startTime ?? stampNow;
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = getPodQOS(pod);
  return status;
}

/** stamp adds the times: a condition keeps its transition time while its status does not change. */
function stamp(c: GeneratedCondition, old: readonly PodCondition[], now: string): PodCondition {
  const before = old.find((o) => o.type === c.type);
  const condition: PodCondition = {
    type: c.type,
    status: c.status,
    lastProbeTime: null as unknown as undefined,
    lastTransitionTime: before && before.status === c.status && before.lastTransitionTime ? before.lastTransitionTime : now,
  };
  if (c.reason) condition.reason = c.reason;
  if (c.message) condition.message = c.message;
  return condition;
}

/**
 * toStatus renders a view. At the end of a pod's life (TerminatePod) a container still shown waiting or running is
 * reported terminated with ContainerStatusUnknown, so a pod is never described as succeeding by accident.
 */
function toStatus(view: ContainerView, terminate: boolean): ContainerStatus {
  let state = view.state;
  if (terminate && !state.terminated) {
    state = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } };
  }
  // Two literals rather than a spread of the optional containerID: V8 takes a slow path for a spread followed by
  // new keys. The keys keep the order the API shows (containerID first when there is one).
  if (!view.containerID) {
    return { image: view.image, imageID: view.imageID, lastState: view.lastState, name: view.name, ready: view.ready, restartCount: view.restartCount, started: view.started, state };
  }
  return {
    containerID: view.containerID,
    image: view.image,
    imageID: view.imageID,
    lastState: view.lastState,
    name: view.name,
    ready: view.ready,
    restartCount: view.restartCount,
    started: view.started,
    state,
  };
}
