// Tests defaultSelector on API objects, which are frozen: a ReplicaSet's selector is converted once.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/object';
import { deepFreeze } from '../../../store/deepFreeze';
import { FakeClient } from '../../testing/fakeHandle';
import { defaultSelector } from './defaultSelector';
import { spreadPod } from './testBuilders';

const replicaSet = (name: string): KubeObject =>
  deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] } },
  });

describe('defaultSelector of a frozen ReplicaSet', () => {
  it('gives every pod of the ReplicaSet one selector with the ReplicaSet selector requirements', () => {
    const client = new FakeClient([replicaSet('rs')]);
    const first = defaultSelector(spreadPod('p1').label('app', 'web').ownerReference('rs', 'apps/v1', 'ReplicaSet').obj(), client);
    const second = defaultSelector(spreadPod('p2').label('app', 'web').ownerReference('rs', 'apps/v1', 'ReplicaSet').obj(), client);
    expect([second === first, first.toString()]).toEqual([true, 'app in (web),track notin (canary)']);
    expect([first.matches({ app: 'web', track: 'stable' }), first.matches({ app: 'web', track: 'canary' })]).toEqual([true, false]);
  });

  it('merges the selector of a Service selecting the pod as before', () => {
    const svc: KubeObject = deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { tier: 'front' } } });
    const client = new FakeClient([replicaSet('rs'), svc]);
    const selector = defaultSelector(spreadPod('p').label('app', 'web').label('tier', 'front').ownerReference('rs', 'apps/v1', 'ReplicaSet').obj(), client);
    expect(selector.toString()).toBe('app in (web),tier=front,track notin (canary)');
  });
});
