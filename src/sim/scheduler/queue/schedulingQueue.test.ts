// Tests the scheduling queue after pkg/scheduler/backend/queue/scheduling_queue_test.go: PrioritySort order,
// backoff durations (TestBackoffPodDuration-like), moving unschedulable pods on cluster events and the 5-minute flush.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { VirtualClock } from '../../clock/virtualClock';
import { PrioritySort } from '../plugins/queuesort/prioritySort';
import { SchedulingGates } from '../plugins/schedulinggates/schedulingGates';
import { makePod } from '../testing/wrappers';
import { SchedulingQueue, type QueuedPod } from './schedulingQueue';

function newQueue() {
  const clock = new VirtualClock();
  let activity = 0;
  const q = new SchedulingQueue({
    clock,
    queueSort: new PrioritySort(),
    preEnqueuePlugins: [new SchedulingGates()],
    isBound: () => false,
    onActivity: () => activity++,
  });
  return { q, clock, activity: () => activity };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata?.name).sort();

/** fail pops the pod and puts it back as rejected by the given plugin. */
function fail(q: SchedulingQueue, plugin: string | undefined): QueuedPod {
  const p = q.pop()!;
  if (plugin) {
    p.unschedulablePlugins = new Set([plugin]);
    p.unschedulableCount++;
  } else {
    p.consecutiveErrorsCount++;
  }
  q.addUnschedulableIfNotPresent(p, q.schedulingCycle());
  return p;
}

describe('SchedulingQueue', () => {
  it('pops higher priority first, then the earliest enqueued', () => {
    const { q, clock } = newQueue();
    q.add(makePod().name('low-1').obj());
    clock.advanceTo(10);
    q.add(makePod().name('high').priority(100).obj());
    q.add(makePod().name('low-2').obj());
    q.add(makePod().name('mid').priority(10).obj());
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((p) => p!.pod.metadata?.name)).toEqual(['high', 'mid', 'low-1', 'low-2']);
    expect(q.pop()).toBeUndefined();
  });

  it.each([
    { name: 'no failures means no backoff', unschedulable: 0, errors: 0, want: 0 },
    { name: 'the first failure backs off 1s', unschedulable: 1, errors: 0, want: 1000 },
    { name: 'the second failure backs off 2s', unschedulable: 2, errors: 0, want: 2000 },
    { name: 'the fourth failure backs off 8s', unschedulable: 4, errors: 0, want: 8000 },
    { name: 'the fifth failure is capped at 10s', unschedulable: 5, errors: 0, want: 10000 },
    { name: 'the twentieth failure is capped at 10s', unschedulable: 20, errors: 0, want: 10000 },
    { name: 'consecutive errors count instead of unschedulable attempts', unschedulable: 4, errors: 1, want: 1000 },
  ])('backoff: $name', ({ unschedulable, errors, want }) => {
    const { q } = newQueue();
    q.add(makePod().name('p').obj());
    const p = q.pop()!;
    p.unschedulableCount = unschedulable;
    p.consecutiveErrorsCount = errors;
    expect(q.backoffDuration(p)).toBe(want);
  });

  it('keeps a rejected pod unschedulable until an event its rejector registered arrives', () => {
    const { q } = newQueue();
    q.add(makePod().name('p').obj());
    fail(q, 'NodeResourcesFit');
    expect(names(q.pendingPods().unschedulable)).toEqual(['p']);
    q.moveAllToActiveOrBackoffQueue('AssignedPodAdd');
    expect(names(q.pendingPods().unschedulable)).toEqual(['p']);
    q.moveAllToActiveOrBackoffQueue('AssignedPodDelete');
    // Still backing off (1s): it waits in backoffQ, but may be popped when activeQ is empty.
    expect(names(q.pendingPods().backoffQ)).toEqual(['p']);
    expect(q.pop()?.pod.metadata?.name).toBe('p');
  });

  it('moves a pod to backoff instead of unschedulable when an event arrived during its scheduling cycle', () => {
    const { q } = newQueue();
    q.add(makePod().name('p').obj());
    const p = q.pop()!;
    q.moveAllToActiveOrBackoffQueue('NodeAdd');
    p.unschedulablePlugins = new Set(['TaintToleration']);
    p.unschedulableCount++;
    q.addUnschedulableIfNotPresent(p, q.schedulingCycle());
    expect(names(q.pendingPods().backoffQ)).toEqual(['p']);
  });

  it('retries an erroring pod only after its backoff, never early', () => {
    const { q, clock } = newQueue();
    q.add(makePod().name('p').obj());
    fail(q, undefined);
    expect(q.hasPoppable()).toBe(false);
    expect(clock.nextAt()).toBe(1000);
    clock.advanceTo(999);
    expect(q.hasPoppable()).toBe(false);
    clock.advanceTo(1000);
    expect(names(q.pendingPods().activeQ)).toEqual(['p']);
  });

  it('flushes a pod that stayed unschedulable for 5 minutes', () => {
    const { q, clock } = newQueue();
    q.add(makePod().name('p').obj());
    fail(q, 'NodeAffinity');
    clock.advanceTo(5 * 60 * 1000 - 1);
    expect(names(q.pendingPods().unschedulable)).toEqual(['p']);
    clock.advanceTo(5 * 60 * 1000);
    expect(names(q.pendingPods().activeQ)).toEqual(['p']);
  });

  it('keeps a gated pod out of activeQ until an update removes its gates', () => {
    const { q } = newQueue();
    const gated = makePod().name('g').obj();
    gated.spec!.schedulingGates = [{ name: 'wait' }];
    q.add(gated);
    expect(q.pop()).toBeUndefined();
    q.moveAllToActiveOrBackoffQueue('NodeAdd');
    expect(q.pop()).toBeUndefined();
    q.update(gated, { ...gated, spec: { ...gated.spec!, schedulingGates: [] } });
    expect(q.pop()?.pod.metadata?.name).toBe('g');
  });

  it('moves an unschedulable pod back when its spec changes, but not for a status-only update', () => {
    const { q, clock } = newQueue();
    const pod = makePod().name('p').obj();
    q.add(pod);
    fail(q, 'NodeAffinity');
    q.update(pod, { ...pod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False' }] } });
    expect(names(q.pendingPods().unschedulable)).toEqual(['p']);
    clock.advanceTo(2000);
    q.update(pod, { ...pod, spec: { ...pod.spec!, nodeSelector: { disk: 'ssd' } } });
    expect(names(q.pendingPods().activeQ)).toEqual(['p']);
  });

  it('forgets deleted pods wherever they are', () => {
    const { q } = newQueue();
    const a = makePod().name('a').obj();
    const b = makePod().name('b').obj();
    q.add(a);
    q.add(b);
    q.delete(a);
    expect(q.pop()?.pod.metadata?.name).toBe('b');
    expect(q.pop()).toBeUndefined();
  });
});
