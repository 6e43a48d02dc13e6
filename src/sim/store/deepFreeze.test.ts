import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deepFreeze';

describe('deepFreeze', () => {
  it('freezes every object and array of the tree, so an edit of a stored object throws', () => {
    const pod = deepFreeze({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80 }] }] } });
    expect(Object.isFrozen(pod.metadata.labels)).toBe(true);
    expect(Object.isFrozen(pod.spec.containers)).toBe(true);
    expect(Object.isFrozen(pod.spec.containers[0].ports[0])).toBe(true);
    expect(() => {
      (pod.spec.containers[0].ports[0] as { containerPort: number }).containerPort = 8080;
    }).toThrow(TypeError);
  });

  it('leaves a frozen subtree as it is: a part shared with the previous version was frozen when that was stored', () => {
    const shared = Object.freeze({ inner: { touched: false } });
    deepFreeze({ status: { phase: 'Running' }, spec: shared });
    expect(Object.isFrozen(shared.inner)).toBe(false);
  });

  it('returns primitives and null unchanged', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze('x')).toBe('x');
  });
});
