import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deepFreeze';
import { shareUnchanged } from './structuralSharing';

const condition = (type: string, status: string) => ({ type, status, lastTransitionTime: '2026-11-22T10:00:00Z' });

describe('shareUnchanged', () => {
  const prev = deepFreeze({
    metadata: { name: 'web-6d4cf56db6-x2x7p', labels: { app: 'web' }, resourceVersion: '41' },
    status: {
      phase: 'Running',
      conditions: [condition('Initialized', 'True'), condition('Ready', 'False'), condition('PodScheduled', 'True')],
      containerStatuses: [{ name: 'nginx', ready: false, restartCount: 0, state: { running: { startedAt: '2026-11-22T10:00:05Z' } } }],
    },
  });

  it('returns the stored version when the update changes nothing, even without sharing a single object', () => {
    expect(shareUnchanged(structuredClone(prev), prev)).toBe(prev);
  });

  it('shares the unchanged conditions and labels of a readiness change and keeps the changed parts new', () => {
    const next = structuredClone(prev) as typeof prev;
    (next.status.conditions[1] as { status: string }).status = 'True';
    (next.status.containerStatuses[0] as { ready: boolean }).ready = true;
    const result = shareUnchanged(next, prev);
    expect(result).toBe(next);
    expect(next.metadata).toBe(prev.metadata);
    expect(next.status.conditions[0]).toBe(prev.status.conditions[0]);
    expect(next.status.conditions[2]).toBe(prev.status.conditions[2]);
    expect(next.status.conditions[1]).not.toBe(prev.status.conditions[1]);
    expect(next.status.containerStatuses[0].state).toBe(prev.status.containerStatuses[0].state);
    expect(next.status.containerStatuses[0]).not.toBe(prev.status.containerStatuses[0]);
    expect(next.status.conditions[1]).toEqual(condition('Ready', 'True'));
  });

  it('treats a field holding undefined as absent, as JSON does', () => {
    const next = { ...structuredClone(prev), spec: undefined };
    expect(shareUnchanged(next, prev)).toBe(prev);
  });

  it('sees a removed field or a shorter list as a change', () => {
    const fewer = structuredClone(prev) as { status: { conditions: unknown[] } };
    fewer.status.conditions.pop();
    expect(shareUnchanged(fewer, prev)).toBe(fewer);
    const { phase: _phase, ...withoutPhase } = structuredClone(prev).status;
    const next = { ...structuredClone(prev), status: withoutPhase };
    expect(shareUnchanged(next, prev)).toBe(next);
    expect(next.status.conditions).toBe(prev.status.conditions);
  });

  it('compares a frozen part of the update as a whole, since it cannot take shared children', () => {
    const frozenEqual = deepFreeze(structuredClone(prev.status));
    const next = { metadata: structuredClone(prev.metadata), status: frozenEqual };
    expect(shareUnchanged(next, prev)).toBe(prev);
  });
});
