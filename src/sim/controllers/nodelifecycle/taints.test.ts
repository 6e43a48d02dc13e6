import { describe, expect, it } from 'vitest';
import type { Taint } from 'kubernetes-types/core/v1';
import { addOrUpdateTaint, removeTaint, taintExists, taintList, taintSetDiff } from './taints';

const unreachableNoExecute: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const unreachableNoSchedule: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };
const cordon: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

describe('taint sets', () => {
  it('A taint exists when one of the same key and effect does, whatever its value or time', () => {
    expect([taintExists([{ ...unreachableNoExecute, value: 'x', timeAdded: 'T' }], unreachableNoExecute), taintExists([unreachableNoSchedule], unreachableNoExecute)]).toEqual([true, false]);
  });

  it('taintSetDiff finds the taints to add and to remove by key and effect', () => {
    expect(taintSetDiff([unreachableNoSchedule, cordon], [{ ...unreachableNoSchedule, timeAdded: 'T' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }])).toEqual({
      toAdd: [cordon],
      toRemove: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
  });

  const addCases: { name: string; taints: Taint[]; add: Taint; expected: { taints: Taint[]; updated: boolean } }[] = [
    { name: 'A new taint is appended', taints: [cordon], add: unreachableNoExecute, expected: { taints: [cordon, unreachableNoExecute], updated: true } },
    {
      name: 'A taint of the same key and effect is replaced in place',
      taints: [{ ...unreachableNoExecute, timeAdded: 'A' }, cordon],
      add: { ...unreachableNoExecute, timeAdded: 'B' },
      expected: { taints: [{ ...unreachableNoExecute, timeAdded: 'B' }, cordon], updated: true },
    },
    { name: 'An identical taint changes nothing', taints: [cordon], add: { ...cordon }, expected: { taints: [cordon], updated: false } },
  ];
  for (const c of addCases) it(c.name, () => expect(addOrUpdateTaint(c.taints, c.add)).toEqual(c.expected));

  it('removeTaint removes by key and effect and says whether it did', () => {
    expect([removeTaint([unreachableNoExecute, cordon], unreachableNoExecute), removeTaint([cordon], unreachableNoExecute)]).toEqual([
      { taints: [cordon], removed: true },
      { taints: [cordon], removed: false },
    ]);
  });

  it('taintList prints taints as kubectl does', () => {
    expect(taintList([unreachableNoExecute, { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }])).toBe('node.kubernetes.io/unreachable:NoExecute, dedicated=gpu:NoSchedule');
  });
});
