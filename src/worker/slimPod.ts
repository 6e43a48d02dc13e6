// The Pod as the page's mirror holds it: what the graph, the node bars, the traffic panel and the endpoints draw.
// The inspector asks the worker for the whole Pod (the `get` command) when it shows one.
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';

/**
 * slimPod keeps of a Pod what the page reads of every pod: identity, labels and owner (grouping, endpoints, the
 * owner chain), the node and IPs, each container's requests (the node's CPU and memory bars, as podRequests sums
 * them) and what kubectl's READY, STATUS and RESTARTS columns are made of (podRow). In the UI benchmark's 2,000-pod
 * rollout a whole Pod was 2.3 KB of JSON and 3.1 KB of the page's heap, this 0.9 KB and 1.5 KB: a smaller heap for
 * V8 to compact when the page goes idle, and less to decode while the pods change.
 */
export function slimPod(pod: Pod): Pod {
  const { metadata, spec, status } = pod;
  return {
    apiVersion: pod.apiVersion,
    kind: pod.kind,
    metadata: metadata && {
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      labels: metadata.labels,
      ownerReferences: metadata.ownerReferences,
      deletionTimestamp: metadata.deletionTimestamp,
    },
    spec: spec && {
      nodeName: spec.nodeName,
      containers: spec.containers.map(slimContainer),
      initContainers: spec.initContainers?.map(slimContainer),
      overhead: spec.overhead,
    },
    status: status && {
      phase: status.phase,
      reason: status.reason,
      podIP: status.podIP,
      hostIP: status.hostIP,
      conditions: status.conditions?.map(slimCondition),
      initContainerStatuses: status.initContainerStatuses?.map(slimContainerStatus),
      containerStatuses: status.containerStatuses?.map(slimContainerStatus),
    },
  };
}

/** A sidecar is an init container whose restartPolicy is Always: podRow and podRequests count it with the app's. */
function slimContainer(c: Container): Container {
  return { name: c.name, restartPolicy: c.restartPolicy, resources: c.resources };
}

/** The Ready and Initialized conditions decide STATUS; PodScheduled's reason tells a SchedulingGated pod. */
function slimCondition(c: PodCondition): PodCondition {
  return { type: c.type, status: c.status, reason: c.reason };
}

/**
 * Of a container's status: its state's reason, exit code and signal; the last termination's time for `4 (20s ago)`.
 * Its image and imageID (a 100-character digest) are left out, though the type requires them: nothing but the
 * inspector shows them, and it shows the whole Pod.
 */
function slimContainerStatus(c: ContainerStatus): ContainerStatus {
  const { waiting, running, terminated } = c.state ?? {};
  const lastTerminated = c.lastState?.terminated;
  const slim: Omit<ContainerStatus, 'image' | 'imageID'> = {
    name: c.name,
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
    state: {
      waiting: waiting && { reason: waiting.reason },
      running: running && {},
      terminated: terminated && { exitCode: terminated.exitCode, reason: terminated.reason, signal: terminated.signal },
    },
    lastState: lastTerminated ? { terminated: { exitCode: lastTerminated.exitCode, finishedAt: lastTerminated.finishedAt } } : {},
  };
  return slim as ContainerStatus;
}
