import { describe, expect, it } from 'vitest';
import { labelSelectorAsSelector } from '../../../api/meta/v1/labelSelector';
import { Cache } from '../../cache/cache';
import { Snapshot } from '../../cache/snapshot';
import { makeNode, makePod } from '../../testing/wrappers';
import { PodCounter } from './common';

const web = labelSelectorAsSelector({ matchLabels: { app: 'web' } });
const pod = (name: string, app: string) => makePod().name(name).uid(name).label('app', app).node('n1').obj();

/** cycle refreshes the snapshot, as each scheduling cycle does, and counts node n1's web pods. */
function cycle(cache: Cache, snapshot: Snapshot): number {
  cache.updateSnapshot(snapshot);
  return new PodCounter(web, 'default').count(snapshot.get('n1')!);
}

describe('PodCounter', () => {
  it('keeps a node count right as pods come, change labels, terminate and go, without counting the pods again', () => {
    const cache = new Cache();
    const snapshot = new Snapshot();
    cache.addNode(makeNode().name('n1').obj());
    cache.addPod(pod('a', 'web'));
    cache.addPod(pod('b', 'db'));
    const counts = [cycle(cache, snapshot)];
    cache.addPod(pod('c', 'web'));
    counts.push(cycle(cache, snapshot));
    cache.updatePod(pod('b', 'db'), pod('b', 'web'));
    counts.push(cycle(cache, snapshot));
    cache.updatePod(pod('a', 'web'), makePod().name('a').uid('a').label('app', 'web').node('n1').terminating().obj());
    counts.push(cycle(cache, snapshot));
    cache.removePod(pod('c', 'web'));
    counts.push(cycle(cache, snapshot));
    expect(counts).toEqual([1, 2, 3, 2, 1]);
    expect(snapshot.get('n1')!.podCounts.size).toBe(1);
  });

  it('counts the pods of its namespace only, and nothing for an empty selector', () => {
    const cache = new Cache();
    const snapshot = new Snapshot();
    cache.addNode(makeNode().name('n1').obj());
    cache.addPod(pod('a', 'web'));
    cache.addPod(makePod().name('o').uid('o').namespace('other').label('app', 'web').node('n1').obj());
    cache.updateSnapshot(snapshot);
    const n1 = snapshot.get('n1')!;
    const everything = labelSelectorAsSelector({});
    expect([new PodCounter(web, 'other').count(n1), new PodCounter(everything, 'default').count(n1)]).toEqual([1, 0]);
  });
});
