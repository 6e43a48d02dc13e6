// Mirrors nodeHealthData and tryUpdateNodeHealth of pkg/controller/nodelifecycle/node_lifecycle_controller.go and
// GetNodeCondition of pkg/controller/util/node/controller_utils.go, as a pure function: the controller makes the
// status write it asks for.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { NodeCondition, NodeStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { parseTime, rfc3339 } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import type { NodeLifecycleConfig } from './config';
import type { NodeObject } from './nodeTaints';

/** LeaseObject is a Lease as the API server stores it. */
export type LeaseObject = Lease & KubeObject;

/**
 * NodeHealthData is what the controller remembers of a node between passes. probeTimestamp is the controller's own
 * clock reading when it last saw a fresh heartbeat (a new Ready lastHeartbeatTime or a newer Lease renewTime), so
 * clock skew between kubelet and controller does not matter.
 */
export interface NodeHealthData {
  probeTimestamp: VirtualMs;
  readyTransitionTimestamp: VirtualMs;
  status: NodeStatus | undefined;
  lease: LeaseObject | undefined;
}

/** NodeHealthUpdate is what tryUpdateNodeHealth decided about one node. */
export interface NodeHealthUpdate {
  /** The grace period the node is entitled to: startup grace if the kubelet never posted Ready, else monitor grace. */
  gracePeriod: VirtualMs;
  /** The Ready condition as the node had it when this pass began (a stand-in Unknown one when it has none). */
  observedReadyCondition: NodeCondition;
  /** The Ready condition after this pass: Unknown when the grace period ran out. */
  currentReadyCondition: NodeCondition | undefined;
  /** The health to remember when no status is written (or the write failed). */
  health: NodeHealthData;
  /** When set: the node with its conditions set to Unknown, to write with UpdateStatus, and the health to remember once written. */
  statusUpdate?: { node: NodeObject; health: NodeHealthData };
  /** How long the controller has not seen a heartbeat. */
  silentFor: VirtualMs;
  /** True when the node has no Ready condition: its kubelet never posted status. */
  neverPosted: boolean;
}

/** The conditions that go Unknown when the kubelet falls silent. NetworkUnavailable is managed by the control plane. */
const NODE_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/** getNodeCondition returns the condition of the given type, if the status has one. */
export function getNodeCondition(status: NodeStatus | undefined, type: string): NodeCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * tryUpdateNodeHealth checks a node's heartbeats against what the controller saw before. When neither the Ready
 * condition's lastHeartbeatTime nor the Lease's renewTime moved for longer than the grace period, it sets Ready,
 * MemoryPressure, DiskPressure and PIDPressure to Unknown (reason NodeStatusUnknown) and asks for a status write.
 */
export function tryUpdateNodeHealth(
  node: NodeObject,
  saved: NodeHealthData | undefined,
  observedLease: LeaseObject | undefined,
  now: VirtualMs,
  config: NodeLifecycleConfig,
): NodeHealthUpdate {
  let nodeHealth = saved;
  const currentReady = getNodeCondition(node.status, 'Ready');
  let gracePeriod: VirtualMs;
  let observedReadyCondition: NodeCondition;
  if (!currentReady) {
    // The kubelet (or the controller) never posted a Ready condition: a stand-in dated at creation avoids a
    // special case, and the node gets the longer startup grace period.
    observedReadyCondition = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
    gracePeriod = config.nodeStartupGracePeriod;
    const created = parseTime(node.metadata.creationTimestamp) ?? 0;
    nodeHealth = nodeHealth ? { ...nodeHealth, status: node.status } : { status: node.status, probeTimestamp: created, readyTransitionTimestamp: created, lease: undefined };
  } else {
    observedReadyCondition = currentReady;
    gracePeriod = config.nodeMonitorGracePeriod;
  }

  // Read after the stand-in above replaced the saved status, as upstream does: a node whose Ready condition
  // disappeared keeps its old probe time.
  const savedCondition = getNodeCondition(nodeHealth?.status, 'Ready');
  const savedLease = nodeHealth?.lease;
  const fresh = (): NodeHealthData => ({ status: node.status, probeTimestamp: now, readyTransitionTimestamp: now, lease: undefined });
  if (!nodeHealth) {
    nodeHealth = fresh();
  } else if (!savedCondition && currentReady) {
    // First sight of a Ready condition (e.g. the controller restarted with the node already in etcd).
    nodeHealth = fresh();
  } else if (savedCondition && currentReady && savedCondition.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
    // The kubelet posted status: a heartbeat. A changed transition time means Ready itself changed. The saved
    // Lease is dropped, as upstream does, so the next pass counts the current Lease as fresh once more.
    const transition = savedCondition.lastTransitionTime !== currentReady.lastTransitionTime ? now : nodeHealth.readyTransitionTimestamp;
    nodeHealth = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: transition, lease: undefined };
  }

  // A renewed Lease is a heartbeat too. A kubelet that renews its Lease but never posted status counts as healthy.
  if (observedLease && (!savedLease || renewTime(savedLease) < renewTime(observedLease))) {
    nodeHealth = { ...nodeHealth, lease: observedLease, probeTimestamp: now };
  }

  const silentFor = now - nodeHealth.probeTimestamp;
  const result: NodeHealthUpdate = { gracePeriod, observedReadyCondition, currentReadyCondition: currentReady, health: nodeHealth, silentFor, neverPosted: !currentReady };
  if (!(now > nodeHealth.probeTimestamp + gracePeriod)) return result;

  const nowTimestamp = rfc3339(now);
  const updated = structuredClone(node) as NodeObject;
  const status = (updated.status ??= {});
  const conditions = (status.conditions ??= []);
  for (const type of NODE_CONDITION_TYPES) {
    const condition = conditions.find((c) => c.type === type);
    if (!condition) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: nowTimestamp,
      });
    } else if (condition.status !== 'Unknown') {
      condition.status = 'Unknown';
      condition.reason = 'NodeStatusUnknown';
      condition.message = 'Kubelet stopped posting node status.';
      condition.lastTransitionTime = nowTimestamp;
    }
  }
  const newReady = getNodeCondition(status, 'Ready');
  if (sameCondition(newReady, observedReadyCondition)) return result;
  return {
    ...result,
    currentReadyCondition: newReady,
    statusUpdate: { node: updated, health: { status, probeTimestamp: nodeHealth.probeTimestamp, readyTransitionTimestamp: now, lease: observedLease } },
  };
}

function renewTime(lease: LeaseObject): VirtualMs {
  return parseTime(lease.spec?.renewTime) ?? -Infinity;
}

function sameCondition(a: NodeCondition | undefined, b: NodeCondition): boolean {
  return (
    a !== undefined &&
    a.type === b.type &&
    a.status === b.status &&
    (a.reason ?? '') === (b.reason ?? '') &&
    (a.message ?? '') === (b.message ?? '') &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
