import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../../store/deepFreeze';
import { cachedPodRequests } from './podRequests';

const pod = (requests?: Record<string, string>): Pod => ({ spec: { containers: [{ name: 'c', image: 'nginx', resources: requests ? { requests } : {} }] } });

describe('cachedPodRequests', () => {
  it('gives a stored pod its requests in milli-units, computed once for the cycle', () => {
    const p = deepFreeze(pod({ cpu: '10m', memory: '16Mi' }));
    const first = cachedPodRequests(p, false);
    expect(first).toEqual({ cpu: 10, memory: 16 * 1024 * 1024 * 1000 });
    expect(cachedPodRequests(p, false)).toBe(first);
  });

  it('counts missing cpu and memory requests as 100m and 200Mi for scoring (non-zero)', () => {
    const p = deepFreeze(pod());
    expect(cachedPodRequests(p, true)).toEqual({ cpu: 100, memory: 200 * 1024 * 1024 * 1000 });
    expect(cachedPodRequests(p, false)).toEqual({});
  });

  it('computes again for a pod that is not frozen, since it may still change', () => {
    const p = pod({ cpu: '1' });
    const first = cachedPodRequests(p, false);
    p.spec!.containers[0]!.resources = { requests: { cpu: '2' } };
    expect(cachedPodRequests(p, false)).not.toBe(first);
    expect(cachedPodRequests(p, false)).toEqual({ cpu: 2000 });
  });
});
