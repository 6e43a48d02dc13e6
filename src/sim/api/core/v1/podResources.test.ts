// Tests after k8s.io/component-helpers/resource/helpers_test.go (TestPodRequestsAndLimits, sidecar cases).
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { DefaultMemoryRequest, DefaultMilliCPURequest, podRequests } from './podResources';

const c = (cpu?: string, memory?: string, restartPolicy?: string): Container => {
  const requests: Record<string, string> = {};
  if (cpu !== undefined) requests.cpu = cpu;
  if (memory !== undefined) requests.memory = memory;
  return { name: 'c', image: 'i', resources: { requests }, restartPolicy };
};
const pod = (containers: Container[], initContainers: Container[] = [], overhead?: Record<string, string>): Pod => ({ spec: { containers, initContainers, overhead } });

describe('podRequests', () => {
  it.each([
    { name: 'app containers add up', pod: pod([c('100m', '1Mi'), c('200m', '2Mi')]), want: { cpu: 300, memory: 3 * 1024 * 1024 * 1000 } },
    { name: 'a regular init container counts only when it is larger than the app containers', pod: pod([c('100m')], [c('1')]), want: { cpu: 1000 } },
    { name: 'the largest regular init container wins, not their sum', pod: pod([c('100m')], [c('300m'), c('200m')]), want: { cpu: 300 } },
    { name: 'a sidecar adds to the app containers', pod: pod([c('100m')], [c('200m', undefined, 'Always')]), want: { cpu: 300 } },
    {
      name: 'an init container after a sidecar runs alongside it',
      pod: pod([c('100m')], [c('200m', undefined, 'Always'), c('500m')]),
      want: { cpu: 700 },
    },
    { name: 'overhead is added on top', pod: pod([c('100m')], [], { cpu: '50m' }), want: { cpu: 150 } },
    { name: 'an explicit zero request stays zero', pod: pod([c('0', '0')]), want: { cpu: 0, memory: 0 } },
  ])('$name', ({ pod: p, want }) => {
    expect(podRequests(p)).toEqual(want);
  });

  it('fills in missing cpu and memory requests per container when asked, keeping explicit ones', () => {
    const nonMissing = { cpu: DefaultMilliCPURequest, memory: DefaultMemoryRequest * 1000 };
    expect(podRequests(pod([c(), c('0'), c('1')]), { nonMissingContainerRequests: nonMissing })).toEqual({ cpu: 100 + 0 + 1000, memory: 3 * DefaultMemoryRequest * 1000 });
    expect(podRequests(pod([]), { nonMissingContainerRequests: nonMissing })).toEqual({});
  });
});
