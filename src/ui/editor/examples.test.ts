import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/index';
import { EXAMPLES } from './examples';

describe('the examples menu', () => {
  it.each(EXAMPLES.map((e) => [e.title, e.text]))('"%s" applies cleanly to the playground cluster', (_title, text) => {
    const cluster = createCluster({ seed: 1, addons: true });
    const results = cluster.apply(text);
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => (r.ok ? 'ok' : r.message))).toEqual(results.map(() => 'ok'));
  });
});
