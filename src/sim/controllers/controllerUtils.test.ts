import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';

type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
import { rfc3339 } from '../clock/timeFormat';
import {
  activePodsWithRanksLess,
  compareForDeletion,
  filterActivePods,
  filterTerminatingPods,
  findMinNextPodAvailabilityCheck,
  getDeletionCostFromPodAnnotations,
  POD_DELETION_COST,
  sortActivePodsWithRanks,
  type RankedPod,
} from './controllerUtils';

const HOUR = 60 * 60 * 1000;
const now = 1000 * HOUR;
const then1Month = now - 30 * 24 * HOUR;
const then2Hours = now - 2 * HOUR;
const then5Hours = now - 5 * HOUR;
const then8Hours = now - 8 * HOUR;

/** pod is the builder of upstream's TestSortingActivePodsWithRanks; an undefined time is Go's zero time. */
function pod(
  name: string,
  nodeName: string,
  phase: PodPhase,
  ready: boolean,
  restarts: number,
  readySince?: number,
  created?: number,
  annotations?: Record<string, string>,
): Pod {
  return {
    metadata: { name, ...(created !== undefined ? { creationTimestamp: rfc3339(created) } : {}), ...(annotations ? { annotations } : {}) },
    spec: { nodeName, containers: [] },
    status: {
      phase,
      ...(ready
        ? {
            conditions: [{ type: 'Ready', status: 'True', ...(readySince !== undefined ? { lastTransitionTime: rfc3339(readySince) } : {}) }],
            containerStatuses: [{ name: 'c', image: 'img', imageID: '', ready: true, restartCount: restarts }],
          }
        : {}),
    },
  };
}

// Mirrors pkg/controller/controller_utils_test.go TestSortingActivePodsWithRanks.
describe('ActivePodsWithRanks', () => {
  const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0);
  const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0);
  const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0);
  const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0);
  const runningReadyNoLastTransitionTimePod = pod('ready-no-last-transition-time', 'node', 'Running', true, 0);
  const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, now, now);
  const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, then1Month, then1Month);
  const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, now, now);
  const runningReadyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, now, then1Month);
  const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, now, then1Month, { [POD_DELETION_COST]: '10' });
  const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, now, then1Month, { [POD_DELETION_COST]: '100' });
  const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, then5Hours, then5Hours);
  const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, then8Hours, then8Hours);
  const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, then2Hours, then1Month);
  const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, then5Hours, then1Month);
  const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, then8Hours, then1Month);

  const equalityTests: { name: string; p1: Pod; p2?: Pod }[] = [
    { name: 'An unscheduled pod ranks level with itself', p1: unscheduledPod },
    { name: 'A scheduled pending pod ranks level with itself', p1: scheduledPendingPod },
    { name: 'A pod in phase Unknown ranks level with itself', p1: unknownPhasePod },
    { name: 'A running pod that is not ready ranks level with itself', p1: runningNotReadyPod },
    { name: 'A pod ready now but created a month ago ranks level with itself', p1: runningReadyNowCreatedThen },
    { name: 'A pod ready now ranks level with itself', p1: runningReadyNow },
    { name: 'A pod ready for a month ranks level with itself', p1: runningReadyThen },
    { name: 'A pod with many restarts ranks level with itself', p1: runningReadyNowHighRestarts },
    { name: 'Unscheduled pods created 5 and 8 hours ago fall in the same log2 creation bucket', p1: unscheduled5Hours, p2: unscheduled8Hours },
    { name: 'Pods ready for 5 and 8 hours fall in the same log2 ready bucket', p1: ready5Hours, p2: ready10Hours },
  ];
  it.each(equalityTests)('$name', ({ p1, p2 }) => {
    const a: RankedPod = { pod: p1, rank: 1 };
    const b: RankedPod = { pod: p2 ?? p1, rank: 1 };
    expect([activePodsWithRanksLess(a, b, now), activePodsWithRanksLess(b, a, now)]).toEqual([false, false]);
  });

  const inequalityTests: { name: string; lesser: RankedPod; greater: RankedPod; rule: string }[] = [
    { name: 'An unscheduled pod goes before a scheduled pending pod of lower rank', lesser: { pod: unscheduledPod, rank: 1 }, greater: { pod: scheduledPendingPod, rank: 2 }, rule: 'unassigned' },
    { name: 'An unscheduled pod goes before a scheduled pending pod of higher rank', lesser: { pod: unscheduledPod, rank: 2 }, greater: { pod: scheduledPendingPod, rank: 1 }, rule: 'unassigned' },
    { name: 'A pending pod goes before a pod in phase Unknown', lesser: { pod: scheduledPendingPod, rank: 1 }, greater: { pod: unknownPhasePod, rank: 2 }, rule: 'phase' },
    { name: 'A pod in phase Unknown goes before a running pod', lesser: { pod: unknownPhasePod, rank: 1 }, greater: { pod: runningNotReadyPod, rank: 2 }, rule: 'phase' },
    { name: 'A running pod that is not ready goes before a ready one', lesser: { pod: runningNotReadyPod, rank: 1 }, greater: { pod: runningReadyNoLastTransitionTimePod, rank: 1 }, rule: 'notReady' },
    { name: 'A ready pod without a transition time counts as the most recently ready', lesser: { pod: runningReadyNoLastTransitionTimePod, rank: 1 }, greater: { pod: runningReadyNow, rank: 1 }, rule: 'readyTime' },
    { name: 'A pod on a more crowded node goes first even if it has been ready longer', lesser: { pod: runningReadyNow, rank: 2 }, greater: { pod: runningReadyNoLastTransitionTimePod, rank: 1 }, rule: 'rank' },
    { name: 'A pod ready now goes before a pod ready for a month', lesser: { pod: runningReadyNow, rank: 1 }, greater: { pod: runningReadyThen, rank: 1 }, rule: 'readyTime' },
    { name: 'The crowded-node rule comes before the ready-time rule', lesser: { pod: runningReadyNow, rank: 2 }, greater: { pod: runningReadyThen, rank: 1 }, rule: 'rank' },
    { name: 'A pod with more container restarts goes first', lesser: { pod: runningReadyNowHighRestarts, rank: 1 }, greater: { pod: runningReadyNow, rank: 1 }, rule: 'restarts' },
    { name: 'The crowded-node rule comes before the restart rule', lesser: { pod: runningReadyNow, rank: 2 }, greater: { pod: runningReadyNowHighRestarts, rank: 1 }, rule: 'rank' },
    { name: 'A newer pod goes before an older one', lesser: { pod: runningReadyNow, rank: 1 }, greater: { pod: runningReadyNowCreatedThen, rank: 1 }, rule: 'creationTime' },
    { name: 'The crowded-node rule comes before the creation-time rule', lesser: { pod: runningReadyNowCreatedThen, rank: 2 }, greater: { pod: runningReadyNow, rank: 1 }, rule: 'rank' },
    { name: 'A lower pod-deletion-cost goes first even on a less crowded node', lesser: { pod: lowPodDeletionCost, rank: 2 }, greater: { pod: highPodDeletionCost, rank: 1 }, rule: 'deletionCost' },
    { name: 'A pod ready for 2 hours goes before one ready for 5 hours (different log2 buckets)', lesser: { pod: ready2Hours, rank: 1 }, greater: { pod: ready5Hours, rank: 1 }, rule: 'readyTime' },
  ];
  it.each(inequalityTests)('$name', ({ lesser, greater, rule }) => {
    expect([activePodsWithRanksLess(lesser, greater, now), activePodsWithRanksLess(greater, lesser, now)]).toEqual([true, false]);
    expect(compareForDeletion(lesser, greater, now)).toEqual({ rule, firstGoesFirst: true });
  });

  it('Sorting gives the order of a stable sort by Less, also where pods tie on some rules and the uid decides on others', () => {
    // Ready in the same second (a tie that falls through to later rules) or in other seconds of the same log2 bucket
    // (where the uid decides): Less is then no strict weak order, and only the same sort gives the same result.
    const withUid = (p: Pod, uid: string): Pod => ({ ...p, metadata: { ...p.metadata, uid } });
    const ranked: RankedPod[] = [
      { pod: withUid(pod('a', 'node', 'Running', true, 0, then5Hours, then1Month), 'u3'), rank: 1 },
      { pod: withUid(pod('b', 'node', 'Running', true, 1, then5Hours, then1Month), 'u1'), rank: 1 },
      { pod: withUid(pod('c', 'node', 'Running', true, 0, then8Hours, then1Month), 'u2'), rank: 1 },
      { pod: withUid(pod('d', 'node', 'Running', true, 0, then5Hours, then2Hours), 'u0'), rank: 1 },
      { pod: withUid(pod('e', 'node', 'Running', true, 0, then8Hours, then1Month), 'u4'), rank: 2 },
      { pod: withUid(runningNotReadyPod, 'u5'), rank: 1 },
      { pod: withUid(unscheduledPod, 'u6'), rank: 1 },
    ];
    const byLess = [...ranked].sort((a, b) => (activePodsWithRanksLess(a, b, now) ? -1 : activePodsWithRanksLess(b, a, now) ? 1 : 0));
    const sorted = sortActivePodsWithRanks(ranked, now);
    expect(sorted.map((r) => r.pod.metadata?.name)).toEqual(byLess.map((r) => r.pod.metadata?.name));
    expect(sorted.map((r) => r.pod.metadata?.name)).toEqual(['unscheduled', 'not-ready', 'e', 'b', 'd', 'c', 'a']);
  });

  it('Pods in the same log2 bucket are ordered by uid', () => {
    const a = { pod: { ...ready5Hours, metadata: { ...ready5Hours.metadata, uid: 'a' } }, rank: 1 };
    const b = { pod: { ...ready10Hours, metadata: { ...ready10Hours.metadata, uid: 'b' } }, rank: 1 };
    expect(compareForDeletion(a, b, now)).toEqual({ rule: 'readyTime', firstGoesFirst: true, byUid: true });
    expect(compareForDeletion(b, a, now)).toEqual({ rule: 'readyTime', firstGoesFirst: false, byUid: true });
  });
});

describe('getDeletionCostFromPodAnnotations', () => {
  const cases: { name: string; value: string | undefined; want: number }[] = [
    { name: 'A missing annotation costs 0', value: undefined, want: 0 },
    { name: 'A positive number is read as is', value: '100', want: 100 },
    { name: 'A negative number is read as is', value: '-10', want: -10 },
    { name: 'A negative number with leading zeros is accepted, as strconv.ParseInt does', value: '-007', want: -7 },
    { name: 'A leading plus sign is invalid and costs 0', value: '+10', want: 0 },
    { name: 'A positive number with a leading zero is invalid and costs 0', value: '010', want: 0 },
    { name: 'A value beyond int32 is invalid and costs 0', value: '2147483648', want: 0 },
    { name: 'Text is invalid and costs 0', value: 'high', want: 0 },
  ];
  it.each(cases)('$name', ({ value, want }) => {
    expect(getDeletionCostFromPodAnnotations(value === undefined ? {} : { [POD_DELETION_COST]: value })).toBe(want);
  });
});

// Mirrors TestActivePodFiltering and TestCountTerminatingPods.
describe('pod filters', () => {
  const named = (name: string, phase: PodPhase, deleting = false): Pod => ({
    metadata: { name, ...(deleting ? { deletionTimestamp: rfc3339(now) } : {}) },
    status: { phase },
  });
  const pods = [named('pod-1', 'Succeeded'), named('pod-2', 'Failed'), named('pod-3', 'Pending', true), named('pod-4', 'Running', true), named('pod-5', 'Running'), named('pod-6', 'Pending')];

  it('Active pods are neither finished nor being deleted', () => {
    expect(filterActivePods(pods).map((p) => p.metadata?.name)).toEqual(['pod-5', 'pod-6']);
  });

  it('Terminating pods are being deleted but not finished', () => {
    expect(filterTerminatingPods(pods).map((p) => p.metadata?.name)).toEqual(['pod-3', 'pod-4']);
  });
});

describe('findMinNextPodAvailabilityCheck', () => {
  it('Returns the time until the soonest Ready pod has been Ready for longer than minReadySeconds', () => {
    const pods = [pod('a', 'n', 'Running', true, 0, now - 2000), pod('b', 'n', 'Running', true, 0, now - 7000), pod('c', 'n', 'Running', false, 0)];
    expect(findMinNextPodAvailabilityCheck(pods, 10, now)).toBe(3001);
  });

  it('Returns undefined when every Ready pod is already available', () => {
    expect(findMinNextPodAvailabilityCheck([pod('a', 'n', 'Running', true, 0, now - 20_000)], 10, now)).toBeUndefined();
  });
});
