// Ports TestTaintToString and TestMatchTaint from k8s.io/api/core/v1/taint_test.go.
import { describe, expect, it } from 'vitest';
import { matchTaint, taintToString } from './taint';

describe('taintToString', () => {
  it.each([
    { name: 'a taint with key, value and effect prints key=value:effect', taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, want: 'foo=bar:NoSchedule' },
    { name: 'a taint with key and effect prints key:effect', taint: { key: 'foo', effect: 'NoSchedule' }, want: 'foo:NoSchedule' },
    { name: 'a taint with only a key prints the key', taint: { key: 'foo', effect: '' }, want: 'foo' },
    { name: 'a taint with key and value but no effect prints key=value:', taint: { key: 'foo', value: 'bar', effect: '' }, want: 'foo=bar:' },
  ])('$name', ({ taint, want }) => {
    expect(taintToString(taint)).toBe(want);
  });
});

describe('matchTaint', () => {
  it.each([
    { name: 'two taints with the same key, value, effect match', a: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, b: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, want: true },
    { name: 'two taints with the same key, effect but different value match', a: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, b: { key: 'foo', value: 'different-value', effect: 'NoSchedule' }, want: true },
    { name: 'two taints with the different key cannot match', a: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, b: { key: 'different-key', value: 'bar', effect: 'NoSchedule' }, want: false },
    { name: 'two taints with the different effect cannot match', a: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, b: { key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }, want: false },
  ])('$name', ({ a, b, want }) => {
    expect(matchTaint(a, b)).toBe(want);
  });
});
