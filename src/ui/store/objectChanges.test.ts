import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/index';
import { changedKeys } from './objectChanges';

const obj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } });

describe('changedKeys', () => {
  const before = { 'default/a': obj('a'), 'default/b': obj('b') };
  const after = { 'default/a': obj('a'), 'default/c': obj('c') };

  it('is the update’s own keys when the consumer last saw the map the update started from', () => {
    expect([...changedKeys(before, after, { before, keys: ['default/b', 'default/c'] })]).toEqual(['default/b', 'default/c']);
  });

  it('is every key of both maps when the update started from another map', () => {
    expect([...changedKeys(before, after, { before: {}, keys: ['default/c'] })]).toEqual(['default/a', 'default/b', 'default/c']);
  });

  it('is every key of both maps when there is no record of the update, and every current key for a first look', () => {
    expect([...changedKeys(before, after, undefined)]).toEqual(['default/a', 'default/b', 'default/c']);
    expect([...changedKeys(undefined, after, undefined)]).toEqual(['default/a', 'default/c']);
  });
});
