// Ports the table of pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { computePodQOS, getPodQOS } from './qos';

type List = Record<string, string>;
const container = (requests: List = {}, limits: List = {}): Container => ({ name: 'c', resources: { requests, limits } });
const pod = (containers: Container[], initContainers: Container[] = []): Pod => ({ spec: { containers, initContainers } });

describe('computePodQOS', () => {
  it.each<[string, Pod, string]>([
    ['a pod without requests or limits is BestEffort', pod([container(), container()]), 'BestEffort'],
    ['a pod that only requests a non-compute resource is BestEffort', pod([container({ 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' })]), 'BestEffort'],
    ['equal cpu and memory requests and limits in every container make it Guaranteed',
      pod([container({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' }), container({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' })]), 'Guaranteed'],
    ['equal values written differently still match', pod([container({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })]), 'Guaranteed'],
    ['one best-effort container among guaranteed ones makes it Burstable',
      pod([container({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' }), container()]), 'Burstable'],
    ['requests below limits make it Burstable', pod([container({ cpu: '100m', memory: '100Mi' }, { cpu: '200m', memory: '100Mi' })]), 'Burstable'],
    ['a cpu limit without a memory limit makes it Burstable', pod([container({ cpu: '100m' }, { cpu: '100m' })]), 'Burstable'],
    ['a burstable init container makes it Burstable',
      pod([container({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' })], [container({ cpu: '100m' })]), 'Burstable'],
    ['zero requests count as none', pod([container({ cpu: '0', memory: '0' })]), 'BestEffort'],
  ])('%s', (_name, p, want) => expect(computePodQOS(p)).toBe(want));

  it('uses pod-level resources when they are set', () => {
    const p = pod([container()]);
    Object.assign(p.spec!, { resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } });
    expect(computePodQOS(p)).toBe('Guaranteed');
  });
});

describe('getPodQOS', () => {
  it('prefers the class recorded in status', () => {
    const p: Pod = { ...pod([container()]), status: { qosClass: 'Burstable' } };
    expect(getPodQOS(p)).toBe('Burstable');
  });
});
