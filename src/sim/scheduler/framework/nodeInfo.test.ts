import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../testing/wrappers';
import { NodeInfo } from './nodeInfo';

const node = (name: string, cpu: string) => makeNode().name(name).capacity({ cpu, memory: '8Gi', pods: '110' }).obj();
const withNode = (name: string, cpu: string) => {
  const ni = new NodeInfo();
  ni.setNode(node(name, cpu));
  return ni;
};
const isWeb = (pod: { metadata?: { labels?: Record<string, string> } }) => pod.metadata?.labels?.app === 'web';
const web = (name: string) => makePod().name(name).uid(name).label('app', 'web').obj();

describe('NodeInfo', () => {
  it('shares one parsed allocatable between nodes alike, not with a node of another size', () => {
    const [a, b, c] = [withNode('a', '4'), withNode('b', '4'), withNode('c', '8')];
    expect([a.allocatable === b.allocatable, a.allocatable === c.allocatable, c.allocatable.milliCPU]).toEqual([true, false, 8000]);
  });

  it('removes a pod as upstream does: the last pod takes its place', () => {
    const ni = new NodeInfo(web('p1'), web('p2'), web('p3'), web('p4'));
    ni.removePod(web('p2'));
    expect(ni.pods.map((pi) => pi.pod.metadata?.name)).toEqual(['p1', 'p4', 'p3']);
  });

  it('copies into a NodeInfo that shares the pod counts until the original changes its pods', () => {
    const ni = new NodeInfo(web('p1'));
    ni.setNode(node('n', '4'));
    ni.podCounts.set('web', isWeb, 1);
    const copy = new NodeInfo();
    ni.copyTo(copy);
    expect([copy.nodeName(), copy.pods.length, copy.generation === ni.generation, copy.podCounts === ni.podCounts]).toEqual(['n', 1, true, true]);
    ni.addPod(web('p2'));
    expect([ni.podCounts.get('web'), copy.podCounts.get('web'), copy.pods.length]).toEqual([2, 1, 1]);
  });
});

describe('NodeInfo.copyTo', () => {
  it('refills the target: its own lists and Resources, the source values, fewer pods than it had', () => {
    const source = new NodeInfo(makePod().name('p1').uid('p1').req({ cpu: '250m' }).obj());
    source.setNode(node('n', '4'));
    const target = new NodeInfo(web('q1'), web('q2'), web('q3'));
    const [pods, requested] = [target.pods, target.requested];
    source.copyTo(target);
    expect([target.pods === pods, target.requested === requested, target.pods === source.pods, target.requested === source.requested]).toEqual([true, true, false, false]);
    expect([target.pods.map((pi) => pi.pod.metadata?.name), target.requested.milliCPU, target.nonZeroRequested.milliCPU]).toEqual([['p1'], 250, 250]);
  });
});
