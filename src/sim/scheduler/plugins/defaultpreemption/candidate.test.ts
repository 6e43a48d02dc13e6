// Ports TestMoreImportantPod and TestGetEarliestPodStartTime from pkg/scheduler/util/utils_test.go, plus the
// tie-breaks of pickOneNodeForPreemption (pkg/scheduler/framework/preemption/preemption.go).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../../../clock/timeFormat';
import { getEarliestPodStartTime, moreImportantPod, pickOneNodeForPreemption, type Victims } from './candidate';

const now = 5000;
function pod(priority: number | undefined, startTime?: string): Pod {
  return { metadata: { name: 'p' }, spec: { containers: [], priority }, status: startTime ? { startTime } : {} };
}
const t1 = '2026-01-01T09:00:01Z';
const t2 = '2026-01-01T09:00:02Z';
const t3 = '2026-01-01T09:00:03Z';

describe('moreImportantPod (TestMoreImportantPod)', () => {
  it.each([
    { name: 'pod1 has higher priority', p1: pod(2, t1), p2: pod(1, t1), want: true },
    { name: 'pod2 has higher priority', p1: pod(1, t1), p2: pod(2, t1), want: false },
    { name: 'equal priority, pod1 started earlier', p1: pod(1, t1), p2: pod(1, t2), want: true },
    { name: 'equal priority, pod2 started earlier', p1: pod(1, t2), p2: pod(1, t1), want: false },
    { name: 'a pod without priority counts as priority 0', p1: pod(undefined, t1), p2: pod(-1, t1), want: true },
    { name: 'a pod that has not started counts as starting now, later than any started pod', p1: pod(1), p2: pod(1, t3), want: false },
  ])('$name', (tc) => {
    expect(moreImportantPod(tc.p1, tc.p2, now)).toBe(tc.want);
  });
});

describe('getEarliestPodStartTime (TestGetEarliestPodStartTime)', () => {
  it.each([
    { name: 'no victims has no start time', pods: [], want: undefined },
    { name: 'Pods with the same priority: the earliest start time wins', pods: [pod(0, t2), pod(0, t1), pod(0, t3)], want: parseTime(t1) },
    { name: 'Pods with different priorities: the earliest of the highest priority wins', pods: [pod(0, t1), pod(2, t3), pod(2, t2)], want: parseTime(t2) },
  ])('$name', (tc) => {
    expect(getEarliestPodStartTime({ pods: tc.pods, numPDBViolations: 0 }, now)).toBe(tc.want);
  });
});

describe('pickOneNodeForPreemption', () => {
  it('picks the first node when every criterion ties', () => {
    const same = (): Victims => ({ pods: [pod(1, t1)], numPDBViolations: 0 });
    expect(pickOneNodeForPreemption(new Map([['node-b', same()], ['node-a', same()]]), now)).toBe('node-b');
  });

  it('prefers fewer PodDisruptionBudget violations over lower priorities', () => {
    const nodes = new Map<string, Victims>([
      ['node-a', { pods: [pod(1, t1)], numPDBViolations: 1 }],
      ['node-b', { pods: [pod(100, t1)], numPDBViolations: 0 }],
    ]);
    expect(pickOneNodeForPreemption(nodes, now)).toBe('node-b');
  });

  it('returns no node for no candidates', () => {
    expect(pickOneNodeForPreemption(new Map(), now)).toBe('');
  });
});
