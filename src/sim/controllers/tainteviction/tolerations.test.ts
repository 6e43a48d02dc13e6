import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { getMatchingTolerations, getMinTolerationTime, getNoExecuteTaints } from './tolerations';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const tolerate = (key: string, seconds?: number): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) });

describe('getMatchingTolerations', () => {
  const cases: { name: string; taints: Taint[]; tolerations?: Toleration[]; expected: ReturnType<typeof getMatchingTolerations> }[] = [
    { name: 'No taints are tolerated by anything', taints: [], tolerations: undefined, expected: { allTolerated: true, used: [] } },
    { name: 'A taint with no tolerations is not tolerated', taints: [unreachable], expected: { allTolerated: false, used: [], untolerated: unreachable } },
    {
      name: 'Each taint uses the first toleration that tolerates it',
      taints: [notReady, unreachable],
      tolerations: [tolerate('node.kubernetes.io/unreachable', 10), tolerate('node.kubernetes.io/not-ready', 300), { operator: 'Exists' }],
      expected: { allTolerated: true, used: [tolerate('node.kubernetes.io/not-ready', 300), tolerate('node.kubernetes.io/unreachable', 10)] },
    },
    {
      name: 'One taint not tolerated makes the whole set untolerated',
      taints: [unreachable, { key: 'example.com/x', effect: 'NoExecute' }],
      tolerations: [tolerate('node.kubernetes.io/unreachable', 10)],
      expected: { allTolerated: false, used: [], untolerated: { key: 'example.com/x', effect: 'NoExecute' } },
    },
  ];
  for (const c of cases) it(c.name, () => expect(getMatchingTolerations(c.taints, c.tolerations)).toEqual(c.expected));
});

describe('getMinTolerationTime', () => {
  const cases: { name: string; tolerations: Toleration[]; expected: number }[] = [
    { name: 'No tolerations means no time at all', tolerations: [], expected: 0 },
    { name: 'The shortest tolerationSeconds wins', tolerations: [tolerate('a', 300), tolerate('b', 10)], expected: 10_000 },
    { name: 'A toleration without tolerationSeconds does not limit the others', tolerations: [tolerate('a'), tolerate('b', 60)], expected: 60_000 },
    { name: 'Only unbounded tolerations tolerate forever (-1)', tolerations: [tolerate('a'), tolerate('b')], expected: -1 },
    { name: 'A zero or negative tolerationSeconds means at once', tolerations: [tolerate('a', 300), tolerate('b', -5)], expected: 0 },
  ];
  for (const c of cases) it(c.name, () => expect(getMinTolerationTime(c.tolerations)).toBe(c.expected));
});

describe('getNoExecuteTaints', () => {
  it('keeps only NoExecute taints', () => {
    expect(getNoExecuteTaints([{ key: 'a', effect: 'NoSchedule' }, unreachable, { key: 'b', effect: 'PreferNoSchedule' }])).toEqual([unreachable]);
  });
});
