import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { formatCpu, formatMemory, nodeUsage } from './nodeUsage';

const node: Node = { metadata: { name: 'n' }, status: { allocatable: { cpu: '4', memory: '8192Mi', pods: '110' } } };
const pod = (cpu: string, memory: string, phase = 'Running'): Pod => ({
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'a', resources: { requests: { cpu, memory } } }] },
  status: { phase },
});

describe('node usage bars', () => {
  it('sums the requests of pods that hold resources, ignoring finished pods', () => {
    expect(nodeUsage(node, [pod('500m', '256Mi'), pod('250m', '128Mi'), pod('1', '1Gi', 'Succeeded')])).toEqual({
      cpuRequested: 750,
      cpuAllocatable: 4000,
      memoryRequested: 384 * 1024 * 1024,
      memoryAllocatable: 8192 * 1024 * 1024,
      pods: 2,
      podsAllocatable: 110,
    });
  });

  it('prints cpu and memory as people read them', () => {
    expect([formatCpu(750), formatCpu(4000), formatMemory(384 * 1024 * 1024), formatMemory(8084 * 1024 * 1024)]).toEqual(['750m', '4', '384Mi', '7.9Gi']);
  });
});
