import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../store/deepFreeze';
import { newDeployment, rs } from './fixture';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets, type ReplicaSetObject } from './replicaSets';

function template(name: string, nodeName: string, annotations: Record<string, string>, labels: Record<string, string>): PodTemplateSpec {
  return { metadata: { name, annotations, labels }, spec: { containers: [], nodeName } };
}

const HASH = 'pod-template-hash';

// deployment_util_test.go TestEqualIgnoreHash; each case also runs in reverse order.
describe('equalIgnoreHash', () => {
  const cases: [string, PodTemplateSpec, PodTemplateSpec, boolean][] = [
    ['Same spec, same labels', template('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }), template('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }), true],
    ['Same spec, only the pod-template-hash value differs', template('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }), template('foo', 'foo-node', {}, { [HASH]: 'value-2', something: 'else' }), true],
    ["Same spec, the former doesn't have the pod-template-hash label", template('foo', 'foo-node', {}, { something: 'else' }), template('foo', 'foo-node', {}, { [HASH]: 'value-2', something: 'else' }), true],
    ['Same spec, different labels and one hash label, same number of labels', template('foo', 'foo-node', {}, { something: 'else' }), template('foo', 'foo-node', {}, { [HASH]: 'value-2' }), false],
    ['Same spec, different labels, the latter has no hash label', template('foo', 'foo-node', {}, { [HASH]: 'value-1' }), template('foo', 'foo-node', {}, { something: 'else' }), false],
    ['Same spec, different labels, same hash value', template('foo', 'foo-node', {}, { [HASH]: 'value-1' }), template('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }), false],
    ['Different spec, same labels', template('foo', 'foo-node', { former: 'value' }, { [HASH]: 'value-1', something: 'else' }), template('foo', 'foo-node', { latter: 'value' }, { [HASH]: 'value-1', something: 'else' }), false],
    ['Different spec, different hash values', template('foo-1', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }), template('foo-2', 'foo-node', {}, { [HASH]: 'value-2', something: 'else' }), false],
    ["Different spec, the former doesn't have the hash label", template('foo-1', 'foo-node-1', {}, { something: 'else' }), template('foo-2', 'foo-node-2', {}, { [HASH]: 'value-2', something: 'else' }), false],
    ['Different spec, different labels', template('foo', 'foo-node-1', {}, { something: 'else' }), template('foo', 'foo-node-2', {}, { nothing: 'else' }), false],
  ];
  for (const [name, former, latter, want] of cases) {
    it(name, () => {
      expect(equalIgnoreHash(former, latter)).toBe(want);
      expect(equalIgnoreHash(latter, former)).toBe(want);
      expect(former.metadata?.labels).toBeDefined();
    });
    it(`${name}, for stored (frozen) templates compared twice`, () => {
      const [f, l] = [deepFreeze(structuredClone(former)), deepFreeze(structuredClone(latter))];
      expect([equalIgnoreHash(f, l), equalIgnoreHash(l, f), equalIgnoreHash(f, l)]).toEqual([want, want, want]);
    });
  }
});

describe('findNewReplicaSet and findOldReplicaSets', () => {
  const deployment = newDeployment('nginx', 1, { selector: { name: 'nginx' } });
  const replicaSetFor = (name: string, createdAt: number, hash: string, containerName = 'foo', replicas = 0): ReplicaSetObject => {
    const replicaSet = rs(name, replicas, { name: 'nginx' }, createdAt);
    const t = structuredClone(deployment.spec.template);
    t.metadata!.labels![HASH] = hash;
    t.spec!.containers[0].name = containerName;
    replicaSet.spec!.template = t;
    return replicaSet;
  };
  const newRS = replicaSetFor('new', 60_000, 'hash', 'foo', 1);
  const newRSDup = replicaSetFor('dup', 0, 'different-hash');
  const oldRS = replicaSetFor('old', -60_000, 'old-hash', 'nginx-old-1');

  const names = (rss: (ReplicaSetObject | undefined)[]) => rss.map((r) => r?.metadata.name);

  // TestFindNewReplicaSet
  it('Finds the new ReplicaSet by template even though its pod-template-hash differs', () => {
    expect(findNewReplicaSet(deployment, [newRS, oldRS])?.metadata.name).toBe('new');
  });
  it('Picks the oldest when several ReplicaSets have the template', () => {
    expect(findNewReplicaSet(deployment, [newRS, oldRS, newRSDup])?.metadata.name).toBe('dup');
  });
  it('Finds no new ReplicaSet when no template matches', () => {
    expect(findNewReplicaSet(deployment, [oldRS])).toBeUndefined();
  });

  // TestFindOldReplicaSets
  it('Finds the old ReplicaSets; those without replicas are not required', () => {
    expect(findOldReplicaSets(deployment, [newRS, oldRS]).map(names)).toEqual([[], ['old']]);
  });
  it('Finds old ReplicaSets when there is no new one', () => {
    expect(findOldReplicaSets(deployment, [oldRS]).map(names)).toEqual([[], ['old']]);
  });
  it('With two new ReplicaSets only the oldest counts as new', () => {
    expect(findOldReplicaSets(deployment, [oldRS, newRS, newRSDup]).map(names)).toEqual([['new'], ['old', 'new']]);
  });
  it('Finds no old ReplicaSets when there is only the new one', () => {
    expect(findOldReplicaSets(deployment, [newRS]).map(names)).toEqual([[], []]);
  });
});
