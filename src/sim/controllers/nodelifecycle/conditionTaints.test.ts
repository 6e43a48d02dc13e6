import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { controllerNoScheduleTaints, desiredNoScheduleTaints } from './conditionTaints';

function node(conditions: Record<string, string>, unschedulable = false, taints: Node['spec'] = {}): Node {
  return {
    metadata: { name: 'node-1' },
    spec: { ...taints, ...(unschedulable ? { unschedulable } : {}) },
    status: { conditions: Object.entries(conditions).map(([type, status]) => ({ type, status })) },
  };
}

describe('desiredNoScheduleTaints (taint nodes by condition)', () => {
  const cases: { name: string; node: Node; expected: string[] }[] = [
    { name: 'A Ready node without pressure needs no taint', node: node({ Ready: 'True', MemoryPressure: 'False' }), expected: [] },
    { name: 'Ready=False gives not-ready', node: node({ Ready: 'False' }), expected: ['node.kubernetes.io/not-ready'] },
    { name: 'Ready=Unknown gives unreachable', node: node({ Ready: 'Unknown', MemoryPressure: 'Unknown' }), expected: ['node.kubernetes.io/unreachable'] },
    {
      name: 'Pressure and NetworkUnavailable conditions that are True give their taints',
      node: node({ MemoryPressure: 'True', DiskPressure: 'True', PIDPressure: 'True', NetworkUnavailable: 'True', Ready: 'True' }),
      expected: ['node.kubernetes.io/memory-pressure', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/network-unavailable'],
    },
    { name: 'A cordoned node gets unschedulable', node: node({ Ready: 'True' }, true), expected: ['node.kubernetes.io/unschedulable'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const taints = desiredNoScheduleTaints(c.node);
      expect(taints.every((t) => t.effect === 'NoSchedule')).toBe(true);
      expect(taints.map((t) => t.key)).toEqual(c.expected);
    });
  }
});

describe('controllerNoScheduleTaints', () => {
  it('Only the NoSchedule condition and unschedulable taints are the controller’s to manage', () => {
    const n = node({}, false, {
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    });
    expect(controllerNoScheduleTaints(n).map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule']);
  });
});
