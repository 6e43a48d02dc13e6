// Tests after k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity_test.go (TestNodeSelectorMatch,
// TestPreferredSchedulingTermsScore, TestRequiredNodeAffinityMatch).
import { describe, expect, it } from 'vitest';
import type { Node, NodeSelector, Pod } from 'kubernetes-types/core/v1';
import { LazyErrorNodeSelector, PreferredSchedulingTerms, getRequiredNodeAffinity } from './nodeSelector';

const node: Node = { metadata: { name: 'bar', labels: { foo: 'bar', 'kernel-version': '0206' } } };

describe('LazyErrorNodeSelector', () => {
  it.each<{ name: string; ns: NodeSelector; want: boolean }>([
    { name: 'nil terms', ns: { nodeSelectorTerms: [] }, want: false },
    { name: 'nil terms and empty term', ns: { nodeSelectorTerms: [{}] }, want: false },
    { name: 'match label', ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }] }, want: true },
    { name: 'not match label', ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] }] }, want: false },
    { name: 'match field', ns: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['bar'] }] }] }, want: true },
    { name: 'not match field', ns: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['bar'] }] }] }, want: false },
    { name: 'match label and field', ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['bar'] }] }] }, want: true },
    {
      name: 'second term matches',
      ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['baz'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['bar'] }] }] },
      want: true,
    },
    { name: 'Gt compares integers', ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['204'] }] }] }, want: true },
    { name: 'Lt with a non-integer value is a parse error and matches nothing', ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kernel-version', operator: 'Lt', values: ['x'] }] }] }, want: false },
    { name: 'an invalid operator matches nothing', ns: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'Equals', values: ['bar'] }] }] }, want: false },
    { name: 'a field selector needs exactly one value', ns: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['bar', 'baz'] }] }] }, want: false },
  ])('$name', ({ ns, want }) => {
    expect(new LazyErrorNodeSelector(ns).match(node)).toBe(want);
  });
});

describe('PreferredSchedulingTerms', () => {
  it('sums the weights of matching terms and skips zero-weight terms', () => {
    const terms = new PreferredSchedulingTerms([
      { weight: 5, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
      { weight: 3, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['bar'] }] } },
      { weight: 7, preference: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['bar'] }] } },
      { weight: 0, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
    ]);
    expect(terms.score(node)).toBe(8);
  });
});

describe('RequiredNodeAffinity', () => {
  const podWith = (spec: Pod['spec']): Pod => ({ spec });
  it.each<{ name: string; pod: Pod; want: boolean }>([
    { name: 'no selector or affinity matches every node', pod: podWith({ containers: [] }), want: true },
    { name: 'a nodeSelector must match every label', pod: podWith({ containers: [], nodeSelector: { foo: 'bar', zone: 'a' } }), want: false },
    { name: 'a matching nodeSelector', pod: podWith({ containers: [], nodeSelector: { foo: 'bar' } }), want: true },
    {
      name: 'nodeSelector and required affinity must both match',
      pod: podWith({ containers: [], nodeSelector: { foo: 'bar' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['other'] }] }] } } } }),
      want: false,
    },
  ])('$name', ({ pod, want }) => {
    expect(getRequiredNodeAffinity(pod).match(node)).toBe(want);
  });
});
