import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { dotAt, dotShadows, statusSummary } from './PodDots';
import type { PodLook } from './podAppearance';

const pod = (name: string, phase: string, nodeName?: string): Pod => ({ metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] }, status: { phase } });

describe('dotAt', () => {
  it.each([
    { name: 'the top-left pixel is the first pod', x: 0, y: 0, count: 5, want: 0 },
    { name: 'the second square of the second row is pod 23 (22 per row)', x: 12, y: 11, count: 40, want: 23 },
    { name: 'a square past the last pod is no pod', x: 50, y: 0, count: 3, want: -1 },
    { name: 'right of the last column is no pod', x: 22 * 11 + 2, y: 0, count: 40, want: -1 },
  ])('$name', ({ x, y, count, want }) => expect(dotAt(x, y, count)).toBe(want));
});

describe('statusSummary', () => {
  it('counts pods by kubectl STATUS, most common first', () => {
    expect(statusSummary([pod('a', 'Pending'), pod('b', 'Running', 'n'), pod('c', 'Running', 'n')])).toBe('2 Running, 1 Pending');
  });
});

describe('dotShadows', () => {
  const colours = { pending: ['pf', 'pb'], creating: ['cf', 'cb'], running: ['rf', 'rb'], ready: ['yf', 'yb'], failing: ['ff', 'fb'], terminating: ['tf', 'tb'], done: ['df', 'db'] } as Record<
    PodLook['tone'],
    [string, string]
  >;
  it.each<{ name: string; tones: PodLook['tone'][]; want: string }>([
    { name: 'no pods draw no shadow', tones: [], want: '' },
    {
      name: 'each pod is a 10px square of its border colour under an 8px square of its fill, the fills first',
      tones: ['ready', 'creating'],
      want: '0px 0px 0 4px yf,11px 0px 0 4px cf,0px 0px 0 5px yb,11px 0px 0 5px cb',
    },
    {
      name: 'the 23rd pod starts the second row (22 per row)',
      tones: [...Array<PodLook['tone']>(22).fill('pending'), 'failing'],
      want: [
        ...Array.from({ length: 22 }, (_, i) => `${i * 11}px 0px 0 4px pf`),
        '0px 11px 0 4px ff',
        ...Array.from({ length: 22 }, (_, i) => `${i * 11}px 0px 0 5px pb`),
        '0px 11px 0 5px fb',
      ].join(','),
    },
  ])('$name', ({ tones, want }) => expect(dotShadows(tones, colours)).toBe(want));
});
