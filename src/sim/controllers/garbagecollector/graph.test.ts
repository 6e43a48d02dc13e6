import { describe, expect, it } from 'vitest';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { GraphNode, type ObjectReference, getAlternateOwnerIdentity, partitionDependents, referencesDiffs, sameSingleReference } from './graph';
import { ReferenceCache } from './referenceCache';

function ref(uid: string, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: 'v1', kind: 'ConfigMap', name: `cm-${uid}`, uid, ...extra };
}

function identity(uid: string, extra: Partial<ObjectReference> = {}): ObjectReference {
  return { apiVersion: 'v1', kind: 'ConfigMap', name: `cm-${uid}`, uid, namespace: 'default', ...extra };
}

function dependent(name: string, owners: OwnerReference[], namespace = 'default'): GraphNode {
  return new GraphNode({ apiVersion: 'v1', kind: 'Pod', name, uid: `uid-${name}`, namespace }, owners);
}

// Mirrors graph_builder_test.go TestReferencesDiffs.
describe('referencesDiffs', () => {
  const cases = [
    { name: 'A new uid is added and a missing one removed', old: [ref('1'), ref('2')], cur: [ref('2'), ref('3')], added: ['3'], removed: ['1'], changed: [] },
    { name: 'Turning blockOwnerDeletion off changes a reference without adding or removing it', old: [ref('1', { blockOwnerDeletion: true })], cur: [ref('1', { blockOwnerDeletion: false })], added: [], removed: [], changed: ['1'] },
    { name: 'Identical lists differ in nothing', old: [ref('1', { controller: true })], cur: [ref('1', { controller: true })], added: [], removed: [], changed: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const diff = referencesDiffs(c.old, c.cur);
      expect([diff.added.map((r) => r.uid), diff.removed.map((r) => r.uid), diff.changed.map((p) => p.newRef.uid)]).toEqual([c.added, c.removed, c.changed]);
    });
  }
});

describe('sameSingleReference', () => {
  const one = ref('1', { controller: true });
  it.each([
    { name: 'Two empty lists are the same', a: [], b: [], expected: true },
    { name: 'Lists holding the very same reference object are the same', a: [one], b: [one], expected: true },
    { name: 'An equal reference in another object is left to referencesDiffs', a: [one], b: [ref('1', { controller: true })], expected: false },
    { name: 'A reference added to an empty list is not the same', a: [], b: [one], expected: false },
    { name: 'Two-reference lists are left to referencesDiffs, even with the same objects', a: [one, ref('2')], b: [one, ref('2')], expected: false },
  ])('$name', ({ a, b, expected }) => {
    expect(sameSingleReference(a, b)).toBe(expected);
  });

  it('A uid listed twice shows as changed and added in an unchanged list, which is why longer lists are diffed', () => {
    const list = [ref('1', { controller: true }), ref('1')];
    const diff = referencesDiffs(list, list);
    expect([diff.added.map((r) => r.uid), diff.removed.map((r) => r.uid), diff.changed.map((p) => p.newRef.uid)]).toEqual([['1'], [], ['1']]);
  });
});

// Mirrors graph_builder_test.go TestPartitionDependents and TestGetAlternateOwnerIdentity.
describe('partitionDependents and getAlternateOwnerIdentity', () => {
  it('Dependents naming the owner by its exact coordinates match; another name or namespace does not', () => {
    const exact = dependent('exact', [ref('1')]);
    const wrongName = dependent('wrong-name', [ref('1', { name: 'other' })]);
    const otherNamespace = dependent('other-ns', [ref('1')], 'kube-system');
    const { matching, nonmatching } = partitionDependents([exact, wrongName, otherNamespace], identity('1'));
    expect([matching.map((d) => d.identity.name), nonmatching.map((d) => d.identity.name)]).toEqual([['exact'], ['wrong-name', 'other-ns']]);
  });

  const cases = [
    {
      name: 'The first alternate after the absent identity (by kind, apiVersion, namespace, name) is chosen',
      deps: [dependent('a', [ref('1', { name: 'zz' })]), dependent('b', [ref('1', { name: 'cm-2' })])],
      absent: identity('1', { name: 'cm-1' }),
      want: 'cm-2',
    },
    {
      name: 'With no alternate after the absent identity, the first of all is chosen',
      deps: [dependent('a', [ref('1', { name: 'aa' })]), dependent('b', [ref('1', { name: 'ab' })])],
      absent: identity('1', { name: 'zz' }),
      want: 'aa',
    },
    { name: 'Dependents that all agree with the absent identity leave no alternate', deps: [dependent('a', [ref('1')])], absent: identity('1'), want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(getAlternateOwnerIdentity(c.deps, c.absent)?.name).toBe(c.want);
    });
  }
});

describe('ReferenceCache', () => {
  it('Holding two entries, it evicts the least recently used; a lookup counts as a use', () => {
    const cache = new ReferenceCache(2);
    cache.add(identity('1'));
    cache.add(identity('2'));
    expect(cache.has(identity('1'))).toBe(true);
    cache.add(identity('3'));
    expect([cache.has(identity('1')), cache.has(identity('2')), cache.has(identity('3'))]).toEqual([true, false, true]);
  });

  it('An owner re-created under the same name with another uid is not the cached absent one', () => {
    const cache = new ReferenceCache();
    cache.add(identity('old', { name: 'web' }));
    expect([cache.has(identity('old', { name: 'web' })), cache.has(identity('new', { name: 'web' }))]).toEqual([true, false]);
  });
});
