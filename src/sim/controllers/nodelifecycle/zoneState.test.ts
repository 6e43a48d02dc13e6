import { describe, expect, it } from 'vitest';
import type { NodeCondition } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE_LIFECYCLE_CONFIG } from './config';
import { computeZoneState, getZoneKey, reducedQPS } from './zoneState';

const r = (status: string): NodeCondition => ({ type: 'Ready', status });

describe('computeZoneState', () => {
  const cases: { name: string; conditions: (NodeCondition | undefined)[]; expected: ReturnType<typeof computeZoneState> }[] = [
    { name: 'A zone with every node Ready is Normal', conditions: [r('True'), r('True')], expected: { unhealthy: 0, state: 'Normal' } },
    { name: 'A zone with no Ready node is in FullDisruption', conditions: [r('Unknown'), r('False')], expected: { unhealthy: 2, state: 'FullDisruption' } },
    { name: 'A node without a Ready condition counts as not Ready', conditions: [undefined], expected: { unhealthy: 1, state: 'FullDisruption' } },
    { name: 'Two of three nodes down is Normal: partial disruption needs more than 2', conditions: [r('Unknown'), r('Unknown'), r('True')], expected: { unhealthy: 2, state: 'Normal' } },
    {
      name: 'Three of five nodes down (60%) reaches the 55% threshold: PartialDisruption',
      conditions: [r('Unknown'), r('Unknown'), r('False'), r('True'), r('True')],
      expected: { unhealthy: 3, state: 'PartialDisruption' },
    },
    {
      name: 'Three of six nodes down (50%) stays under the 55% threshold: Normal',
      conditions: [r('Unknown'), r('Unknown'), r('Unknown'), r('True'), r('True'), r('True')],
      expected: { unhealthy: 3, state: 'Normal' },
    },
  ];
  for (const c of cases) it(c.name, () => expect(computeZoneState(c.conditions, 0.55)).toEqual(c.expected));
});

describe('getZoneKey', () => {
  const cases: { name: string; labels?: Record<string, string>; key: string }[] = [
    { name: 'A node without zone labels is in the default zone', key: '' },
    { name: 'The topology labels give region and zone', labels: { 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1a' }, key: 'eu:\u0000:eu-1a' },
    { name: 'A zone without a region still is a zone', labels: { 'topology.kubernetes.io/zone': 'a' }, key: ':\u0000:a' },
    {
      name: 'The deprecated failure-domain.beta labels win over the topology labels',
      labels: { 'failure-domain.beta.kubernetes.io/zone': 'old', 'topology.kubernetes.io/zone': 'new' },
      key: ':\u0000:old',
    },
  ];
  for (const c of cases) it(c.name, () => expect(getZoneKey({ metadata: { name: 'n', labels: c.labels } })).toBe(c.key));
});

describe('reducedQPS', () => {
  it('A partially disrupted zone of at most 50 nodes stops tainting; a larger one taints at 0.01/s', () => {
    expect([reducedQPS(DEFAULT_NODE_LIFECYCLE_CONFIG, 50), reducedQPS(DEFAULT_NODE_LIFECYCLE_CONFIG, 51)]).toEqual([0, 0.01]);
  });
});
