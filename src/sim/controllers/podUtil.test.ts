import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { getPodReadyCondition, isPodReady, isPodTerminal, podReadyTime } from './podUtil';

/** Ready since 5 s into the simulation (its clock starts at 2026-01-01T09:00:00Z). */
const ready = { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T09:00:05Z' };

// Mirrors pkg/api/v1/pod/util_test.go TestGetPodReadyCondition and TestIsPodReady.
describe('pod readiness', () => {
  it.each<{ name: string; pod: Pod; condition: unknown; isReady: boolean; since: number | undefined }>([
    { name: 'A pod without a status has no Ready condition', pod: {}, condition: undefined, isReady: false, since: undefined },
    { name: 'A pod without conditions is not ready', pod: { status: { phase: 'Pending' } }, condition: undefined, isReady: false, since: undefined },
    {
      name: 'The Ready condition is found among others and decides readiness',
      pod: { status: { conditions: [{ type: 'PodScheduled', status: 'True' }, ready] } },
      condition: ready,
      isReady: true,
      since: 5000,
    },
    {
      name: 'The first Ready condition counts when there are two',
      pod: { status: { conditions: [{ type: 'Ready', status: 'False' }, ready] } },
      condition: { type: 'Ready', status: 'False' },
      isReady: false,
      since: undefined,
    },
  ])('$name', ({ pod, condition, isReady, since }) => {
    expect([getPodReadyCondition(pod), isPodReady(pod), podReadyTime(pod)]).toEqual([condition, isReady, since]);
  });
});

describe('isPodTerminal', () => {
  it.each([
    { phase: 'Succeeded', expected: true },
    { phase: 'Failed', expected: true },
    { phase: 'Running', expected: false },
    { phase: undefined, expected: false },
  ])('Phase $phase is terminal: $expected', ({ phase, expected }) => {
    expect(isPodTerminal({ status: { phase } })).toBe(expected);
  });
});
