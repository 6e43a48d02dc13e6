// Tests that InterPodAffinity skips a pod without pod affinity terms before it builds any state, as upstream
// would after building it (PreFilter: no existing required anti-affinity; PreScore: no pod with affinity).
import { describe, expect, it } from 'vitest';
import type { Handle } from '../../framework/interface';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus } from '../../framework/interface';
import { fakeHandle } from '../../testing/fakeHandle';
import { makeNode, makePod } from '../../testing/wrappers';
import { New } from './interPodAffinity';

/** noClient is a handle whose client must not be asked: the skip comes first. */
function noClient(handle: Handle): Handle {
  return { ...handle, clientSet: () => { throw new Error('client asked'); } };
}

describe('InterPodAffinity skip', () => {
  const nodes = [makeNode().name('n1').obj()];
  const plain = makePod().name('p').label('app', 'web').obj();

  it('skips PreFilter and PreScore for a pod without terms on nodes without affinity pods, asking nothing', () => {
    const handle = noClient(fakeHandle([makePod().name('e').label('app', 'web').node('n1').obj()], nodes));
    const pl = New({}, handle);
    const list = handle.snapshotSharedLister().nodeInfos().list();
    expect([pl.preFilter(new CycleState(), plain, list)[1], pl.preScore(new CycleState(), plain, list)]).toEqual([newStatus(Code.Skip), newStatus(Code.Skip)]);
  });

  it('still builds the state for a pod with only a preferred term, and skips once nothing matched', () => {
    const preferred = makePod().name('q').obj();
    preferred.spec!.affinity = {
      podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'zone', labelSelector: { matchLabels: { app: 'db' } } } }] },
    };
    const handle = fakeHandle([], nodes);
    const pl = New({}, handle);
    const list = handle.snapshotSharedLister().nodeInfos().list();
    expect([pl.preFilter(new CycleState(), preferred, list)[1], pl.preScore(new CycleState(), preferred, list)]).toEqual([newStatus(Code.Skip), newStatus(Code.Skip)]);
  });
});
