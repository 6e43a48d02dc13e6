import { describe, expect, it } from 'vitest';
import { copySharingFrozen, deepCopy } from './deepCopy';
import { deepFreeze } from './deepFreeze';

describe('deepCopy', () => {
  const cases: { name: string; value: unknown }[] = [
    { name: 'A primitive is returned as is', value: 'web' },
    { name: 'null stays null', value: null },
    { name: 'A nested object is copied with its keys in order', value: { b: 1, a: { z: [1, 2], y: 'x' } } },
    { name: 'A field holding undefined is kept, as structuredClone keeps it', value: { a: undefined, b: [undefined, null] } },
    { name: 'A Date inside an object is copied as structuredClone copies it', value: { at: new Date(0) } },
    { name: 'A Map inside an object is copied as structuredClone copies it', value: { m: new Map([['k', { v: 1 }]]) } },
  ];
  it.each(cases)('$name', ({ value }) => {
    const copy = deepCopy(value);
    expect(copy).toStrictEqual(structuredClone(value));
    if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
  });

  it('The copy shares nothing with the original: changing one leaves the other alone', () => {
    const original = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } };
    const copy = deepCopy(original);
    copy.metadata.labels.app = 'api';
    copy.spec.containers[0].name = 'd';
    expect(original).toEqual({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }] } });
  });

  it('A frozen object gives an unfrozen copy', () => {
    const copy = deepCopy(Object.freeze({ a: Object.freeze({ b: 1 }) }));
    expect([Object.isFrozen(copy), Object.isFrozen(copy.a)]).toEqual([false, false]);
  });

  it('A function cannot be copied, as with structuredClone', () => {
    expect(() => deepCopy({ f: () => 1 })).toThrow(/could not be cloned/);
  });
});

describe('copySharingFrozen', () => {
  const template = () => ({ containers: [{ name: 'web', ports: [{ containerPort: 80 }] }], nodeSelector: { disk: 'ssd' }, hostNetwork: false });

  it('A frozen tree gives an unfrozen copy of its top level whose parts are the frozen originals', () => {
    const spec = deepFreeze(template());
    const copy = copySharingFrozen(spec);
    expect(copy).toStrictEqual(template());
    expect([copy === spec, Object.isFrozen(copy), copy.containers === spec.containers, copy.nodeSelector === spec.nodeSelector]).toEqual([false, false, true, true]);
  });

  it('An unfrozen tree is copied through, as deepCopy copies it', () => {
    const spec = template();
    const copy = copySharingFrozen(spec);
    expect(copy).toStrictEqual(template());
    expect([copy.containers === spec.containers, copy.containers[0] === spec.containers[0], copy.nodeSelector === spec.nodeSelector]).toEqual([false, false, false]);
  });

  it('Only the frozen parts of a partly frozen tree are shared, at any depth', () => {
    const ports = deepFreeze([{ containerPort: 80 }]);
    const spec = { containers: [{ name: 'web', ports }], volumes: [undefined, null] };
    const copy = copySharingFrozen(spec);
    expect(copy).toStrictEqual({ containers: [{ name: 'web', ports: [{ containerPort: 80 }] }], volumes: [undefined, null] });
    expect([copy.containers === spec.containers, copy.containers[0] === spec.containers[0], copy.containers[0]!.ports === ports]).toEqual([false, false, true]);
  });

  it('Keys keep their order and undefined fields stay, as in deepCopy', () => {
    const spec = deepFreeze({ b: 1, a: { z: 1 }, c: undefined });
    expect(Object.keys(copySharingFrozen(spec))).toEqual(['b', 'a', 'c']);
  });
});
