// Ports TestEnoughRequests and TestNotEnoughRequests from pkg/scheduler/framework/plugins/noderesources/fit_test.go.
import { describe, expect, it } from 'vitest';
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type Status } from '../../framework/interface';
import { NodeInfo } from '../../framework/nodeInfo';
import { Fit, fits, type InsufficientResource } from './fit';

const extendedResourceA = 'example.com/aaa';
const extendedResourceB = 'example.com/bbb';
const hugePageResourceA = 'hugepages-2Mi';

interface Usage {
  milliCPU?: number;
  memory?: number;
  scalar?: Record<string, number>;
}

let uid = 0;
function containers(usage: Usage[]): Container[] {
  return usage.map((u, i) => {
    const requests: Record<string, string> = {};
    if (u.milliCPU !== undefined) requests.cpu = `${u.milliCPU}m`;
    if (u.memory !== undefined) requests.memory = String(u.memory);
    for (const [k, v] of Object.entries(u.scalar ?? {})) requests[k] = String(v);
    return { name: `c${i}`, image: 'i', resources: { requests } };
  });
}
function newResourcePod(...usage: Usage[]): Pod {
  return { metadata: { name: `p${uid}`, uid: `uid-${uid++}` }, spec: { containers: containers(usage) } };
}
function newResourceInitPod(pod: Pod, ...usage: Usage[]): Pod {
  return { ...pod, spec: { ...pod.spec!, initContainers: containers(usage) } };
}
function allocatable(milliCPU: number, memory: number, pods: number, extendedA: number, storage: number, hugePageA: number): Node {
  const list = { cpu: `${milliCPU}m`, memory: String(memory), pods: String(pods), [extendedResourceA]: String(extendedA), 'ephemeral-storage': String(storage), [hugePageResourceA]: String(hugePageA) };
  return { metadata: { name: 'node' }, status: { capacity: list, allocatable: list } };
}
const reason = (r: string) => `Insufficient ${r}`;
const ir = (resourceName: string, requested: number, used: number, capacity: number): InsufficientResource => ({ resourceName, reason: reason(resourceName), requested, used, capacity });

interface Case {
  name: string;
  pod: Pod;
  existing: Pod;
  wantInsufficientResources: InsufficientResource[];
  wantStatus?: Status;
}

const cases: Case[] = [
  { name: 'no resources requested always fits', pod: { spec: { containers: [] } }, existing: newResourcePod({ milliCPU: 10, memory: 20 }), wantInsufficientResources: [] },
  {
    name: 'too many resources fails',
    pod: newResourcePod({ milliCPU: 1, memory: 1 }),
    existing: newResourcePod({ milliCPU: 10, memory: 20 }),
    wantStatus: newStatus(Code.Unschedulable, reason('cpu'), reason('memory')),
    wantInsufficientResources: [ir('cpu', 1, 10, 10), ir('memory', 1, 20, 20)],
  },
  {
    name: 'too many resources fails due to init container cpu',
    pod: newResourceInitPod(newResourcePod({ milliCPU: 1, memory: 1 }), { milliCPU: 3, memory: 1 }),
    existing: newResourcePod({ milliCPU: 8, memory: 19 }),
    wantStatus: newStatus(Code.Unschedulable, reason('cpu')),
    wantInsufficientResources: [ir('cpu', 3, 8, 10)],
  },
  {
    name: 'too many resources fails due to highest init container cpu',
    pod: newResourceInitPod(newResourcePod({ milliCPU: 1, memory: 1 }), { milliCPU: 3, memory: 1 }, { milliCPU: 2, memory: 1 }),
    existing: newResourcePod({ milliCPU: 8, memory: 19 }),
    wantStatus: newStatus(Code.Unschedulable, reason('cpu')),
    wantInsufficientResources: [ir('cpu', 3, 8, 10)],
  },
  {
    name: 'too many resources fails due to init container memory',
    pod: newResourceInitPod(newResourcePod({ milliCPU: 1, memory: 1 }), { milliCPU: 1, memory: 3 }),
    existing: newResourcePod({ milliCPU: 9, memory: 19 }),
    wantStatus: newStatus(Code.Unschedulable, reason('memory')),
    wantInsufficientResources: [ir('memory', 3, 19, 20)],
  },
  {
    name: 'too many resources fails due to highest init container memory',
    pod: newResourceInitPod(newResourcePod({ milliCPU: 1, memory: 1 }), { milliCPU: 1, memory: 3 }, { milliCPU: 1, memory: 2 }),
    existing: newResourcePod({ milliCPU: 9, memory: 19 }),
    wantStatus: newStatus(Code.Unschedulable, reason('memory')),
    wantInsufficientResources: [ir('memory', 3, 19, 20)],
  },
  {
    name: "init container fits because it's the max, not sum, of containers and init containers",
    pod: newResourceInitPod(newResourcePod({ milliCPU: 1, memory: 1 }), { milliCPU: 1, memory: 1 }),
    existing: newResourcePod({ milliCPU: 9, memory: 19 }),
    wantInsufficientResources: [],
  },
  {
    name: "multiple init containers fit because it's the max, not sum, of containers and init containers",
    pod: newResourceInitPod(newResourcePod({ milliCPU: 1, memory: 1 }), { milliCPU: 1, memory: 1 }, { milliCPU: 1, memory: 1 }),
    existing: newResourcePod({ milliCPU: 9, memory: 19 }),
    wantInsufficientResources: [],
  },
  { name: 'both resources fit', pod: newResourcePod({ milliCPU: 1, memory: 1 }), existing: newResourcePod({ milliCPU: 5, memory: 5 }), wantInsufficientResources: [] },
  {
    name: 'one resource memory fits',
    pod: newResourcePod({ milliCPU: 2, memory: 1 }),
    existing: newResourcePod({ milliCPU: 9, memory: 5 }),
    wantStatus: newStatus(Code.Unschedulable, reason('cpu')),
    wantInsufficientResources: [ir('cpu', 2, 9, 10)],
  },
  {
    name: 'one resource cpu fits',
    pod: newResourcePod({ milliCPU: 1, memory: 2 }),
    existing: newResourcePod({ milliCPU: 5, memory: 19 }),
    wantStatus: newStatus(Code.Unschedulable, reason('memory')),
    wantInsufficientResources: [ir('memory', 2, 19, 20)],
  },
  { name: 'equal edge case', pod: newResourcePod({ milliCPU: 5, memory: 1 }), existing: newResourcePod({ milliCPU: 5, memory: 19 }), wantInsufficientResources: [] },
  { name: 'equal edge case for init container', pod: newResourceInitPod(newResourcePod({ milliCPU: 4, memory: 1 }), { milliCPU: 5, memory: 1 }), existing: newResourcePod({ milliCPU: 5, memory: 19 }), wantInsufficientResources: [] },
  { name: 'extended resource fits', pod: newResourcePod({ scalar: { [extendedResourceA]: 1 } }), existing: newResourcePod({}), wantInsufficientResources: [] },
  { name: 'extended resource fits for init container', pod: newResourceInitPod(newResourcePod({}), { scalar: { [extendedResourceA]: 1 } }), existing: newResourcePod({}), wantInsufficientResources: [] },
  {
    name: 'extended resource capacity enforced',
    pod: newResourcePod({ milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 10 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [extendedResourceA]: 0 } }),
    wantStatus: newStatus(Code.Unschedulable, reason(extendedResourceA)),
    wantInsufficientResources: [ir(extendedResourceA, 10, 0, 5)],
  },
  {
    name: 'extended resource capacity enforced for init container',
    pod: newResourceInitPod(newResourcePod({}), { milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 10 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [extendedResourceA]: 0 } }),
    wantStatus: newStatus(Code.Unschedulable, reason(extendedResourceA)),
    wantInsufficientResources: [ir(extendedResourceA, 10, 0, 5)],
  },
  {
    name: 'extended resource allocatable enforced',
    pod: newResourcePod({ milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 1 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [extendedResourceA]: 5 } }),
    wantStatus: newStatus(Code.Unschedulable, reason(extendedResourceA)),
    wantInsufficientResources: [ir(extendedResourceA, 1, 5, 5)],
  },
  {
    name: 'extended resource allocatable enforced for multiple containers',
    pod: newResourcePod({ milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 3 } }, { milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 3 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [extendedResourceA]: 2 } }),
    wantStatus: newStatus(Code.Unschedulable, reason(extendedResourceA)),
    wantInsufficientResources: [ir(extendedResourceA, 6, 2, 5)],
  },
  {
    name: 'extended resource allocatable admits multiple init containers',
    pod: newResourceInitPod(newResourcePod({}), { milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 3 } }, { milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 3 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [extendedResourceA]: 2 } }),
    wantInsufficientResources: [],
  },
  {
    name: 'extended resource allocatable enforced for multiple init containers',
    pod: newResourceInitPod(newResourcePod({}), { milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 6 } }, { milliCPU: 1, memory: 1, scalar: { [extendedResourceA]: 3 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [extendedResourceA]: 2 } }),
    wantStatus: newStatus(Code.Unschedulable, reason(extendedResourceA)),
    wantInsufficientResources: [ir(extendedResourceA, 6, 2, 5)],
  },
  {
    name: 'extended resource allocatable enforced for unknown resource',
    pod: newResourcePod({ milliCPU: 1, memory: 1, scalar: { [extendedResourceB]: 1 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0 }),
    wantStatus: newStatus(Code.Unschedulable, reason(extendedResourceB)),
    wantInsufficientResources: [ir(extendedResourceB, 1, 0, 0)],
  },
  {
    name: 'hugepages resource capacity enforced',
    pod: newResourcePod({ milliCPU: 1, memory: 1, scalar: { [hugePageResourceA]: 10 } }),
    existing: newResourcePod({ milliCPU: 0, memory: 0, scalar: { [hugePageResourceA]: 0 } }),
    wantStatus: newStatus(Code.Unschedulable, reason(hugePageResourceA)),
    wantInsufficientResources: [ir(hugePageResourceA, 10, 0, 5)],
  },
  {
    name: 'a sidecar (restartable init container) adds to the containers instead of running before them',
    pod: { metadata: { name: 'side' }, spec: { containers: containers([{ milliCPU: 1, memory: 1 }]), initContainers: [{ ...containers([{ milliCPU: 1, memory: 1 }])[0], restartPolicy: 'Always' }] } },
    existing: newResourcePod({ milliCPU: 9, memory: 19 }),
    wantStatus: newStatus(Code.Unschedulable, reason('cpu'), reason('memory')),
    wantInsufficientResources: [ir('cpu', 2, 9, 10), ir('memory', 2, 19, 20)],
  },
];

describe('NodeResourcesFit Filter (enough requests)', () => {
  it.each(cases)('$name', ({ pod, existing, wantStatus, wantInsufficientResources }) => {
    const nodeInfo = new NodeInfo(existing);
    nodeInfo.setNode(allocatable(10, 20, 32, 5, 20, 5));
    const p = new Fit();
    const state = new CycleState();
    const [, preStatus] = p.preFilter(state, pod);
    expect(preStatus).toBeNull();
    expect(p.filter(state, pod, nodeInfo)).toEqual(wantStatus ?? null);
    expect(fits(pod, nodeInfo)).toEqual(wantInsufficientResources);
  });
});

describe('NodeResourcesFit Filter (not enough pods)', () => {
  it.each([
    { name: 'even without specified resources, predicate fails when there is no space for additional pod', pod: { spec: { containers: [] } } as Pod, want: newStatus(Code.Unschedulable, 'Too many pods') },
    { name: 'even if both resources fit, predicate fails when there is no space for additional pod', pod: newResourcePod({ milliCPU: 1, memory: 1 }), want: newStatus(Code.Unschedulable, 'Too many pods') },
    { name: 'even for equal edge case, predicate fails when there is no space for additional pod', pod: newResourcePod({ milliCPU: 5, memory: 1 }), want: newStatus(Code.Unschedulable, 'Too many pods') },
    { name: 'even for equal edge case, predicate fails when there is no space for additional pod due to init container', pod: newResourceInitPod(newResourcePod({ milliCPU: 5, memory: 1 }), { milliCPU: 5, memory: 1 }), want: newStatus(Code.Unschedulable, 'Too many pods') },
  ])('$name', ({ pod, want }) => {
    const nodeInfo = new NodeInfo(newResourcePod({ milliCPU: 10, memory: 20 }));
    nodeInfo.setNode(allocatable(10, 20, 1, 0, 0, 0));
    const p = new Fit();
    const state = new CycleState();
    p.preFilter(state, pod);
    // The node is full on cpu too, so a pod requesting cpu gets both reasons; one requesting nothing only "Too many pods".
    const status = p.filter(state, pod, nodeInfo);
    expect(status?.code).toBe(want.code);
    expect(status?.reasons[0]).toBe('Too many pods');
  });

  it('reports an Error status when Filter runs without PreFilter', () => {
    const status = new Fit().filter(new CycleState(), { spec: { containers: [] } }, new NodeInfo());
    expect(status?.code).toBe(Code.Error);
    expect(status?.message()).toBe('error reading "PreFilterNodeResourcesFit" from cycleState: not found');
  });
});
