import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { containerUsage } from './usage';

const Mi = 1024 * 1024;
const use = (container: Container, rate = 0) => {
  const u = containerUsage(container, 'uid/c', 20_000, rate);
  return `${u.cpuMillis}m ${Math.floor(u.memoryBytes / Mi)}Mi`;
};

describe('containerUsage models what a container uses', () => {
  it.each([
    ['idle nginx uses next to nothing', { name: 'c', image: 'nginx:1.27' }, 0, '1m 3Mi'],
    ['served requests cost CPU by the image’s cost per request', { name: 'c', image: 'registry.k8s.io/hpa-example' }, 10, '302m 10Mi'],
    ['requests are throttled at the CPU limit', { name: 'c', image: 'registry.k8s.io/hpa-example', resources: { limits: { cpu: '200m' } } }, 10, '200m 10Mi'],
    [
      'stress --vm keeps its bytes resident (stress counts M as MiB)',
      { name: 'c', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] },
      0,
      '1m 154Mi',
    ],
    ['stress --cpu 2 is held at a 1 CPU limit', { name: 'c', image: 'polinux/stress', command: ['stress'], args: ['--cpu', '2'], resources: { limits: { cpu: '1' } } }, 0, '1000m 4Mi'],
    ['an unknown server’s working set is about its memory request', { name: 'c', image: 'example.com/app:1', resources: { requests: { memory: '256Mi' } } }, 0, '2m 204Mi'],
    ['a shell script uses nothing to speak of', { name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }, 0, '1m 0Mi'],
  ])('%s', (_, container, rate, want) => {
    expect(use(container as Container, rate)).toBe(want);
  });
});
