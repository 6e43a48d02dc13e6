// Tests defaultSelector (pkg/scheduler/framework/plugins/helper/spread.go DefaultSelector and GetPodServices),
// in the spirit of helper/spread_test.go TestGetPodServices and the default-constraint cases of scoring_test.go.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/object';
import { FakeClient } from '../../testing/fakeHandle';
import { defaultSelector, getPodServices } from './defaultSelector';
import { spreadPod } from './testBuilders';

function service(name: string, selector: Record<string, string> | undefined, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: selector ? { selector } : {} };
}
function controller(kind: string, apiVersion: string, name: string, spec: object): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: 'default' }, spec };
}

const objects: KubeObject[] = [
  service('web', { app: 'web' }),
  service('web-tier', { tier: 'frontend' }),
  service('headless', undefined),
  service('other-ns', { app: 'web' }, 'other'),
  controller('ReplicationController', 'v1', 'rc', { selector: { rc: 'yes' } }),
  controller('ReplicaSet', 'apps/v1', 'rs', { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] } }),
  controller('StatefulSet', 'apps/v1', 'ss', { selector: { matchExpressions: [{ key: 'ordinal', operator: 'Exists' }] } }),
];
const client = new FakeClient(objects);
const webPod = () => spreadPod('p').label('app', 'web').label('tier', 'frontend');

describe('getPodServices', () => {
  it('returns the Services of the pod namespace whose selector matches, skipping Services without a selector', () => {
    expect(getPodServices(client, webPod().obj()).map((s) => s.metadata?.name)).toEqual(['web', 'web-tier']);
  });
});

interface SelectorCase {
  name: string;
  pod: ReturnType<ReturnType<typeof spreadPod>['obj']>;
  matches: Record<string, string>[];
  rejects: Record<string, string>[];
}

describe('defaultSelector', () => {
  it.each<SelectorCase>([
    {
      name: 'merges the selectors of all Services selecting a pod without a controller',
      pod: webPod().obj(),
      matches: [{ app: 'web', tier: 'frontend' }],
      rejects: [{ app: 'web' }, { tier: 'frontend' }],
    },
    {
      name: 'adds the ReplicationController selector to the Service selectors',
      pod: webPod().label('rc', 'yes').ownerReference('rc', 'v1', 'ReplicationController').obj(),
      matches: [{ app: 'web', tier: 'frontend', rc: 'yes' }],
      rejects: [{ app: 'web', tier: 'frontend' }],
    },
    {
      name: 'adds the ReplicaSet selector requirements, matchExpressions included',
      pod: webPod().ownerReference('rs', 'apps/v1', 'ReplicaSet').obj(),
      matches: [{ app: 'web', tier: 'frontend', track: 'stable' }],
      rejects: [{ app: 'web', tier: 'frontend', track: 'canary' }],
    },
    {
      name: 'adds the StatefulSet selector requirements',
      pod: spreadPod('p').label('ordinal', '0').ownerReference('ss', 'apps/v1', 'StatefulSet').obj(),
      matches: [{ ordinal: '3' }],
      rejects: [{ app: 'web' }],
    },
    {
      name: 'ignores an owner of an unsupported kind',
      pod: webPod().ownerReference('job', 'batch/v1', 'Job').obj(),
      matches: [{ app: 'web', tier: 'frontend' }],
      rejects: [{ app: 'web' }],
    },
  ])('$name', (tc) => {
    const selector = defaultSelector(tc.pod, client);
    expect(selector.empty()).toBe(false);
    for (const labels of tc.matches) expect(selector.matches(labels)).toBe(true);
    for (const labels of tc.rejects) expect(selector.matches(labels)).toBe(false);
  });

  it('is empty when nothing selects the pod, so no default spreading applies', () => {
    expect(defaultSelector(spreadPod('p').label('app', 'db').obj(), client).empty()).toBe(true);
  });

  it('is empty when the owning ReplicaSet does not exist and no Service selects the pod', () => {
    expect(defaultSelector(spreadPod('p').label('app', 'db').ownerReference('gone', 'apps/v1', 'ReplicaSet').obj(), client).empty()).toBe(true);
  });

  it('gives the pods of one ReplicaSet one Selector object, so per-node counts are found again in later cycles', () => {
    const first = defaultSelector(webPod().ownerReference('rs', 'apps/v1', 'ReplicaSet').obj(), client);
    const second = defaultSelector(webPod().ownerReference('rs', 'apps/v1', 'ReplicaSet').obj(), client);
    expect(second).toBe(first);
    expect(defaultSelector(webPod().obj(), client)).not.toBe(first);
  });
});
