import { describe, expect, it } from 'vitest';
import { layoutCluster } from '../layout';
import { ingressCardHeight, layoutNetwork } from './networkLayout';

const threeNodes = layoutCluster(['node-1', 'node-2', 'node-3'].map((name) => ({ name, podCount: 2 })));

describe('network card layout', () => {
  it('stacks the client card, the Ingresses and the Services, each sorted, 180 units right of the node grid', () => {
    const layout = layoutNetwork(threeNodes, {
      client: true,
      ingresses: [{ key: 'default/web', routes: 2 }],
      services: ['default/web', 'default/api'],
    });
    expect(layout.client).toEqual({ x: 1068, y: 0, width: 270, height: 52 });
    expect([...layout.ingresses]).toEqual([['default/web', { x: 1068, y: 92, width: 270, height: 88 }]]);
    expect([...layout.services]).toEqual([
      ['default/api', { x: 1068, y: 220, width: 270, height: 112 }],
      ['default/web', { x: 1068, y: 348, width: 270, height: 112 }],
    ]);
  });

  it('starts the Services at the top when there is no client card and no Ingress', () => {
    const layout = layoutNetwork(threeNodes, { client: false, ingresses: [], services: ['prod/b', 'dev/a'] });
    expect(layout.client).toBeUndefined();
    expect([...layout.services]).toEqual([
      ['dev/a', { x: 1068, y: 0, width: 270, height: 112 }],
      ['prod/b', { x: 1068, y: 128, width: 270, height: 112 }],
    ]);
  });

  it('keeps every card in place when pods come and nodes grow, since only the grid width moves the column', () => {
    const cards = { client: true, ingresses: [{ key: 'a/x', routes: 1 }], services: ['a/s'] };
    const crowded = layoutCluster(['node-1', 'node-2', 'node-3'].map((name) => ({ name, podCount: 40 })));
    expect(layoutNetwork(crowded, cards)).toEqual(layoutNetwork(threeNodes, cards));
  });

  it('moves the column right when the grid gains a column of nodes', () => {
    const six = layoutCluster(['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((name) => ({ name, podCount: 0 })));
    expect(layoutNetwork(six, { client: false, ingresses: [], services: ['a/s'] }).services.get('a/s')!.x).toBe(1372);
  });

  it.each([
    { name: 'an Ingress with no routes still has room for one line', routes: 0, want: 72 },
    { name: 'an Ingress with three routes lists them all', routes: 3, want: 104 },
    { name: 'an Ingress with four routes lists them all', routes: 4, want: 120 },
    { name: 'an Ingress with nine routes lists four and a "more" line', routes: 9, want: 136 },
  ])('$name', ({ routes, want }) => expect(ingressCardHeight(routes)).toBe(want));
});
