import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { dotAt, dotPaths, statusSummary } from './PodDots';

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

describe('dotPaths', () => {
  it.each([
    { name: 'no pods draw no path', tones: [] as const, want: [] },
    {
      name: 'pods of one tone share one path of squares on half pixels',
      tones: ['ready', 'ready'] as const,
      want: [{ tone: 'ready', d: 'M0.5 0.5h9v9h-9zM11.5 0.5h9v9h-9z' }],
    },
    {
      name: 'each tone gets its own path, in the order tones first occur',
      tones: ['creating', 'ready', 'creating'] as const,
      want: [
        { tone: 'creating', d: 'M0.5 0.5h9v9h-9zM22.5 0.5h9v9h-9z' },
        { tone: 'ready', d: 'M11.5 0.5h9v9h-9z' },
      ],
    },
    {
      name: 'the 23rd pod starts the second row (22 per row)',
      tones: [...Array<'pending'>(22).fill('pending'), 'failing'] as const,
      want: [
        { tone: 'pending', d: Array.from({ length: 22 }, (_, i) => `M${i * 11 + 0.5} 0.5h9v9h-9z`).join('') },
        { tone: 'failing', d: 'M0.5 11.5h9v9h-9z' },
      ],
    },
  ])('$name', ({ tones, want }) => expect(dotPaths(tones)).toEqual(want));
});
