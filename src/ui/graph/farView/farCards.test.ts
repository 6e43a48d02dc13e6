import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { farCards, type FarCardCache } from './farCards';

const node = (name: string, ready = 'True'): Node => ({ metadata: { name }, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, conditions: [{ type: 'Ready', status: ready }] } });
const pod = (name: string, phase: string): Pod => ({
  metadata: { name, namespace: 'default', uid: name },
  spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '500m', memory: '1Gi' } } }] },
  status: { phase },
});

describe('farCards', () => {
  const list = [pod('web-a', 'Pending'), pod('web-b', 'Running')];

  it('says what the card draws: kubectl status, requests against allocatable (2Gi of 4Gi), a tone per pod', () => {
    const card = farCards(new Map(), [node('node-1')], (name) => (name === 'node-1' ? list : undefined), undefined).get('node-1');
    expect(card).toEqual({
      name: 'node-1',
      status: 'Ready',
      usage: { cpuRequested: 1000, cpuAllocatable: 2000, memoryRequested: 2 * 2 ** 30, memoryAllocatable: 4 * 2 ** 30, pods: 2, podsAllocatable: 110 },
      tones: ['creating', 'running'],
      selected: undefined,
    });
  });

  it('keeps the same card object while the node, its pods and the selection stay the same', () => {
    const cache: FarCardCache = new Map();
    const pods = (name: string) => (name === 'node-1' ? list : undefined);
    const first = farCards(cache, [node('node-1')], pods, undefined).get('node-1');
    expect(farCards(cache, [node('node-1')], pods, undefined).get('node-1')).toBe(first);
    expect(farCards(cache, [node('node-1', 'Unknown')], pods, undefined).get('node-1')?.status).toBe('NotReady');
    expect(farCards(cache, [node('node-1')], () => [...list], undefined).get('node-1')).not.toBe(first);
  });

  it('marks the selected node, or the slot of the selected pod on the card that holds it', () => {
    const pods = (name: string) => (name === 'node-1' ? list : undefined);
    expect(farCards(new Map(), [node('node-1')], pods, { kind: 'Node', namespace: '', name: 'node-1' }).get('node-1')?.selected).toBe('node');
    expect(farCards(new Map(), [node('node-1'), node('node-2')], pods, { kind: 'Pod', namespace: 'default', name: 'web-b' }).get('node-1')?.selected).toBe(1);
    expect(farCards(new Map(), [node('node-1'), node('node-2')], pods, { kind: 'Pod', namespace: 'default', name: 'web-b' }).get('node-2')?.selected).toBeUndefined();
  });
});
