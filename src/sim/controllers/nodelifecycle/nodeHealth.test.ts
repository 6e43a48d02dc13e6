import { describe, expect, it } from 'vitest';
import type { NodeCondition } from 'kubernetes-types/core/v1';
import { rfc3339, rfc3339Micro } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import { DEFAULT_NODE_LIFECYCLE_CONFIG } from './config';
import { type LeaseObject, type NodeHealthData, tryUpdateNodeHealth } from './nodeHealth';
import type { NodeObject } from './nodeTaints';

function ready(status: string, heartbeat: VirtualMs, transition: VirtualMs = 0): NodeCondition {
  return { type: 'Ready', status, reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: rfc3339(heartbeat), lastTransitionTime: rfc3339(transition) };
}

function nodeWithConditions(conditions: NodeCondition[]): NodeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', creationTimestamp: rfc3339(0) }, status: { conditions } };
}

function lease(renewed: VirtualMs): LeaseObject {
  return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { renewTime: rfc3339Micro(renewed) } };
}

function health(probe: VirtualMs, conditions: NodeCondition[], renewed?: VirtualMs): NodeHealthData {
  return { probeTimestamp: probe, readyTransitionTimestamp: 0, status: { conditions }, lease: renewed === undefined ? undefined : lease(renewed) };
}

interface Case {
  name: string;
  node: NodeObject;
  saved?: NodeHealthData;
  lease?: LeaseObject;
  now: VirtualMs;
  /** [probeTimestamp, readyTransitionTimestamp] remembered, in seconds. */
  remembered: [number, number];
  /** The conditions written, as `Type=Status Reason`, or undefined for no write. */
  written?: string[];
}

const cases: Case[] = [
  { name: 'A node seen for the first time starts its grace period now', node: nodeWithConditions([ready('True', 0)]), now: 5_000, remembered: [5, 5] },
  {
    name: 'A new lastHeartbeatTime on the Ready condition is a heartbeat',
    node: nodeWithConditions([ready('True', 10_000)]),
    saved: health(0, [ready('True', 0)]),
    now: 15_000,
    remembered: [15, 0],
  },
  {
    name: 'A new lastTransitionTime on the Ready condition also restarts the transition time',
    node: nodeWithConditions([ready('False', 10_000, 10_000)]),
    saved: health(0, [ready('True', 0)]),
    now: 15_000,
    remembered: [15, 15],
  },
  {
    name: 'A newer Lease renewTime is a heartbeat',
    node: nodeWithConditions([ready('True', 0)]),
    saved: health(5_000, [ready('True', 0)], 2_000),
    lease: lease(12_000),
    now: 15_000,
    remembered: [15, 0],
  },
  {
    name: 'The same Lease renewTime is no heartbeat',
    node: nodeWithConditions([ready('True', 0)]),
    saved: health(5_000, [ready('True', 0)], 2_000),
    lease: lease(2_000),
    now: 15_000,
    remembered: [5, 0],
  },
  {
    name: 'A status post drops the remembered Lease, so an unchanged Lease counts as a heartbeat at the next pass',
    node: nodeWithConditions([ready('True', 0)]),
    saved: { ...health(5_000, [ready('True', 0)]), lease: undefined },
    lease: lease(2_000),
    now: 15_000,
    remembered: [15, 0],
  },
  {
    name: 'Exactly the grace period (50 s) without a heartbeat is not yet too long',
    node: nodeWithConditions([ready('True', 0)]),
    saved: health(0, [ready('True', 0)]),
    now: 50_000,
    remembered: [0, 0],
  },
  {
    name: 'More than the grace period without a heartbeat sets Ready and the pressure conditions to Unknown',
    node: nodeWithConditions([{ type: 'MemoryPressure', status: 'False' }, ready('True', 0), { type: 'NetworkUnavailable', status: 'False' }]),
    saved: health(0, [ready('True', 0)]),
    now: 55_000,
    remembered: [0, 55],
    written: [
      'MemoryPressure=Unknown NodeStatusUnknown',
      'Ready=Unknown NodeStatusUnknown',
      'NetworkUnavailable=False undefined',
      'DiskPressure=Unknown NodeStatusNeverUpdated',
      'PIDPressure=Unknown NodeStatusNeverUpdated',
    ],
  },
  {
    name: 'A node already Unknown is not written again',
    node: nodeWithConditions([{ ...ready('Unknown', 0, 55_000), reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }]),
    saved: health(0, [{ ...ready('Unknown', 0, 55_000), reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }]),
    now: 60_000,
    remembered: [0, 0],
  },
  {
    name: 'A node without a Ready condition gets the 60 s startup grace period counted from its creation: at 60 s it is not late yet',
    node: nodeWithConditions([]),
    now: 60_000,
    remembered: [0, 0],
  },
];

describe('tryUpdateNodeHealth', () => {
  for (const c of cases) {
    it(c.name, () => {
      const update = tryUpdateNodeHealth(c.node, c.saved, c.lease, c.now, DEFAULT_NODE_LIFECYCLE_CONFIG);
      const kept = update.statusUpdate?.health ?? update.health;
      expect([kept.probeTimestamp / 1000, kept.readyTransitionTimestamp / 1000]).toEqual(c.remembered);
      expect(update.statusUpdate?.node.status?.conditions?.map((x) => `${x.type}=${x.status} ${x.reason}`)).toEqual(c.written);
    });
  }

  it('A node without a Ready condition is marked Unknown once the startup grace period is over', () => {
    const node = nodeWithConditions([]);
    const first = tryUpdateNodeHealth(node, undefined, undefined, 5_000, DEFAULT_NODE_LIFECYCLE_CONFIG);
    expect(first.health.probeTimestamp).toBe(0);
    const later = tryUpdateNodeHealth(node, first.health, undefined, 65_000, DEFAULT_NODE_LIFECYCLE_CONFIG);
    expect([later.gracePeriod, later.silentFor, later.neverPosted]).toEqual([60_000, 65_000, true]);
    expect(later.statusUpdate?.node.status?.conditions?.[0]).toEqual({
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastHeartbeatTime: rfc3339(0),
      lastTransitionTime: rfc3339(65_000),
    });
  });
});
