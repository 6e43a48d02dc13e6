import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';

type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
import { getPodsToDelete } from './podsToDelete';

function newPod(name: string, phase: PodPhase, nodeName?: string, ready?: 'True' | 'False'): Pod {
  return {
    metadata: { name, namespace: 'default', labels: { name: 'foo' } },
    spec: { containers: [], ...(nodeName ? { nodeName } : {}) },
    status: { phase, ...(ready ? { conditions: [{ type: 'Ready', status: ready }] } : {}) },
  };
}

// Mirrors pkg/controller/replicaset/replica_set_test.go TestGetPodsToDelete.
describe('getPodsToDelete', () => {
  const unscheduledPendingPod = newPod('unscheduled-pending-pod', 'Pending');
  const scheduledPendingPod = newPod('scheduled-pending-pod', 'Pending', 'fake-node');
  const scheduledRunningNotReadyPod = newPod('scheduled-running-not-ready-pod', 'Running', 'fake-node', 'False');
  const scheduledRunningReadyPodOnNode1 = newPod('scheduled-running-ready-pod-on-node-1', 'Running', 'fake-node-1', 'True');
  const scheduledRunningReadyPodOnNode2 = newPod('scheduled-running-ready-pod-on-node-2', 'Running', 'fake-node-2', 'True');
  const various = [
    scheduledRunningReadyPodOnNode1,
    scheduledRunningReadyPodOnNode1,
    scheduledRunningReadyPodOnNode2,
    scheduledRunningNotReadyPod,
    scheduledPendingPod,
    unscheduledPendingPod,
  ];

  // related defaults to pods.
  const tests: { name: string; pods: Pod[]; related?: Pod[]; diff: number; want: Pod[] }[] = [
    { name: 'No pods and nothing to delete gives nothing', pods: [], diff: 0, want: [] },
    {
      name: 'Deleting every pod takes them in list order',
      pods: [scheduledRunningNotReadyPod, scheduledRunningReadyPodOnNode1],
      diff: 2,
      want: [scheduledRunningNotReadyPod, scheduledRunningReadyPodOnNode1],
    },
    { name: 'Deleting fewer than all takes the not-ready pod', pods: [scheduledRunningReadyPodOnNode1, scheduledRunningNotReadyPod], diff: 1, want: [scheduledRunningNotReadyPod] },
    { name: 'Deleting all of various pods needs no sort', pods: various, diff: 6, want: various },
    { name: 'Deleting all of various pods needs no sort, even without related pods', pods: various, related: [], diff: 6, want: various },
    { name: 'An unscheduled pod goes before a scheduled one', pods: [scheduledPendingPod, unscheduledPendingPod], diff: 1, want: [unscheduledPendingPod] },
    {
      name: 'Not-ready pods go before a ready one',
      pods: [scheduledRunningReadyPodOnNode1, scheduledRunningNotReadyPod, scheduledRunningNotReadyPod],
      diff: 2,
      want: [scheduledRunningNotReadyPod, scheduledRunningNotReadyPod],
    },
    {
      name: 'A ready pod colocated with another related pod goes before one that is not',
      pods: [scheduledRunningReadyPodOnNode1, scheduledRunningReadyPodOnNode2],
      related: [scheduledRunningReadyPodOnNode1, scheduledRunningReadyPodOnNode2, scheduledRunningReadyPodOnNode2],
      diff: 1,
      want: [scheduledRunningReadyPodOnNode2],
    },
    { name: 'A pending pod goes before a running one', pods: [scheduledPendingPod, scheduledRunningNotReadyPod], diff: 1, want: [scheduledPendingPod] },
    {
      name: 'Of various pods, the three earliest in startup go',
      pods: [scheduledRunningReadyPodOnNode1, scheduledRunningReadyPodOnNode2, scheduledRunningNotReadyPod, scheduledPendingPod, unscheduledPendingPod],
      diff: 3,
      want: [unscheduledPendingPod, scheduledPendingPod, scheduledRunningNotReadyPod],
    },
  ];
  it.each(tests)('$name', ({ pods, related, diff, want }) => {
    expect(getPodsToDelete(pods, related ?? pods, diff, 0).map((c) => c.pod)).toEqual(want);
  });

  it('Keeps, for each chosen pod, the first kept pod and the rule that separated them', () => {
    const chosen = getPodsToDelete([scheduledRunningReadyPodOnNode1, scheduledRunningNotReadyPod], [], 1, 0);
    expect(chosen.map((c) => [c.pod.metadata?.name, c.ranked?.kept.pod.metadata?.name, c.ranked?.order])).toEqual([
      ['scheduled-running-not-ready-pod', 'scheduled-running-ready-pod-on-node-1', { rule: 'notReady', firstGoesFirst: true }],
    ]);
  });
});
