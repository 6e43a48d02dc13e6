import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import type { KindObjects } from './kindObjects';
import { changedKeys } from './objectChanges';

const obj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } });
const mirror = (...names: string[]): KindObjects => ({ byKey: new Map(names.map((n) => [`default/${n}`, obj(n)])) });

describe('changedKeys', () => {
  const before = mirror('a', 'b');
  const after = mirror('a', 'c');
  const known = ['default/a', 'default/b'];

  it('is the update’s own keys when the consumer last saw the mirror the update started from', () => {
    expect([...changedKeys(before, after, { before, keys: ['default/b', 'default/c'] }, known)]).toEqual(['default/b', 'default/c']);
  });

  it('is every key the consumer knows and every current key when the update started from another mirror', () => {
    expect([...changedKeys(before, after, { before: mirror(), keys: ['default/c'] }, known)]).toEqual(['default/a', 'default/b', 'default/c']);
  });

  it('is every known and current key when there is no record of the update, and every current key for a first look', () => {
    expect([...changedKeys(before, after, undefined, known)]).toEqual(['default/a', 'default/b', 'default/c']);
    expect([...changedKeys(undefined, after, undefined, [])]).toEqual(['default/a', 'default/c']);
  });
});
