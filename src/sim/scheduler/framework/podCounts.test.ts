import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { makePod } from '../testing/wrappers';
import { PodCounts } from './podCounts';

const app = (pod: Pod) => pod.metadata?.labels?.app;
const isWeb = (pod: Pod) => app(pod) === 'web';
const isDb = (pod: Pod) => app(pod) === 'db';
const web = makePod().name('w').label('app', 'web').obj();
const db = makePod().name('d').label('app', 'db').obj();

describe('PodCounts', () => {
  it('holds counts by key, the first and the others alike, and nothing under other keys', () => {
    const c = new PodCounts();
    c.set('web', isWeb, 3);
    c.set('db', isDb, 1);
    c.set('web', isWeb, 4);
    expect([c.get('web'), c.get('db'), c.get('cache'), c.size]).toEqual([4, 1, undefined, 2]);
  });

  it('moves each count by one for a pod it counts, when the pod comes or goes, and leaves the old counts as they were', () => {
    const c = new PodCounts();
    c.set('web', isWeb, 3);
    c.set('db', isDb, 1);
    const added = c.withPod(web, 1);
    const removed = added.withPod(db, -1);
    expect([added.get('web'), added.get('db'), removed.get('web'), removed.get('db'), c.get('web'), c.get('db')]).toEqual([4, 1, 4, 0, 3, 1]);
  });

  it('starts over when cleared, and new counts after a pod change start empty', () => {
    const c = new PodCounts();
    expect(c.withPod(web, 1).size).toBe(0);
    c.set('web', isWeb, 2);
    c.clear();
    expect([c.get('web'), c.size]).toEqual([undefined, 0]);
  });
});
