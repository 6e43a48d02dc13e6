// Ports TestTolerationToleratesTaint from k8s.io/api/core/v1/toleration_test.go.
import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { findMatchingUntoleratedTaint, matchToleration, toleratesTaint } from './toleration';

const sla = 'node.kubernetes.io/sla';
const cases: { description: string; toleration: Toleration; taint: Taint; expectTolerated: boolean }[] = [
  {
    description: 'toleration and taint have the same key and effect, and operator is Exists, and taint has no value, expect tolerated',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', effect: 'NoSchedule' },
    expectTolerated: true,
  },
  {
    description: 'toleration and taint have the same key and effect, and operator is Exists, and taint has some value, expect tolerated',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    expectTolerated: true,
  },
  {
    description: 'toleration and taint have the same effect, toleration has empty key and operator is Exists, means match all taints, expect tolerated',
    toleration: { key: '', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    expectTolerated: true,
  },
  {
    description: 'toleration and taint have the same key, effect and value, and operator is Equal, expect tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    expectTolerated: true,
  },
  {
    description: 'toleration and taint have the same key and effect, but different values, and operator is Equal, expect not tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'value2', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration and taint have the same key and value, but different effects, and operator is Equal, expect not tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoExecute' },
    expectTolerated: false,
  },
  {
    description: 'toleration with Gt operator - taint value less than toleration value, expect not tolerated',
    toleration: { key: sla, operator: 'Gt', value: '950', effect: 'NoSchedule' },
    taint: { key: sla, value: '800', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration with Gt operator - taint value greater than toleration value, expect tolerated',
    toleration: { key: sla, operator: 'Gt', value: '750', effect: 'NoSchedule' },
    taint: { key: sla, value: '950', effect: 'NoSchedule' },
    expectTolerated: true,
  },
  {
    description: 'toleration with Lt operator - taint value greater than toleration value, expect not tolerated',
    toleration: { key: sla, operator: 'Lt', value: '800', effect: 'NoSchedule' },
    taint: { key: sla, value: '950', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration with Lt operator - taint value less than toleration value, expect tolerated',
    toleration: { key: sla, operator: 'Lt', value: '950', effect: 'NoSchedule' },
    taint: { key: sla, value: '800', effect: 'NoSchedule' },
    expectTolerated: true,
  },
  {
    description: 'toleration with Gt operator and taint with equal numeric value, expect not tolerated',
    toleration: { key: sla, operator: 'Gt', value: '950', effect: 'NoSchedule' },
    taint: { key: sla, value: '950', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration with Gt operator and taint with non-numeric value, expect not tolerated',
    toleration: { key: sla, operator: 'Gt', value: '950', effect: 'NoSchedule' },
    taint: { key: sla, value: 'high', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration with Gt operator and negative numeric values - taint value less than threshold, expect not tolerated',
    toleration: { key: 'test-key', operator: 'Gt', value: '-100', effect: 'NoSchedule' },
    taint: { key: 'test-key', value: '-200', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration with Gt operator and large int64 values - taint value less than threshold, expect not tolerated',
    toleration: { key: 'test-key', operator: 'Gt', value: '9223372036854775806', effect: 'NoSchedule' },
    taint: { key: 'test-key', value: '100', effect: 'NoSchedule' },
    expectTolerated: false,
  },
  {
    description: 'toleration with an empty effect and no operator (Equal) tolerates a NoExecute taint with the same key and value',
    toleration: { key: 'foo', value: 'bar' },
    taint: { key: 'foo', value: 'bar', effect: 'NoExecute' },
    expectTolerated: true,
  },
];

describe('toleratesTaint', () => {
  it.each(cases)('$description', ({ toleration, taint, expectTolerated }) => {
    expect(toleratesTaint(toleration, taint)).toBe(expectTolerated);
  });
});

describe('matchToleration', () => {
  it('treats tolerations with the same key, effect, operator and value as the same toleration', () => {
    expect(matchToleration({ key: 'a', operator: 'Equal', value: 'b', effect: 'NoSchedule' }, { key: 'a', operator: 'Equal', value: 'b', effect: 'NoSchedule' })).toBe(true);
    expect(matchToleration({ key: 'a', operator: 'Exists', effect: 'NoSchedule' }, { key: 'a', operator: 'Equal', effect: 'NoSchedule' })).toBe(false);
  });
});

describe('findMatchingUntoleratedTaint', () => {
  it('returns the first taint that passes the filter and is not tolerated', () => {
    const taints: Taint[] = [
      { key: 'soft', effect: 'PreferNoSchedule' },
      { key: 'a', effect: 'NoSchedule' },
      { key: 'b', effect: 'NoExecute' },
    ];
    const hard = (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
    expect(findMatchingUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }], hard)).toEqual({ key: 'b', effect: 'NoExecute' });
    expect(findMatchingUntoleratedTaint(taints, [{ operator: 'Exists' }], hard)).toBeUndefined();
  });
});
