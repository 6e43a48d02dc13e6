import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { KindBucket } from './kindBucket';

const obj = (namespace: string | undefined, name: string, rv = '1'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name, resourceVersion: rv } });

describe('KindBucket', () => {
  it('finds an object by its namespace and name, and nothing under another namespace or name', () => {
    const bucket = new KindBucket();
    const web = obj('default', 'web');
    bucket.set(web);
    expect([bucket.get('default', 'web') === web, bucket.get('prod', 'web'), bucket.get('default', 'api')]).toEqual([true, undefined, undefined]);
    expect([bucket.has('default', 'web'), bucket.has('prod', 'web'), bucket.has('default', 'api')]).toEqual([true, false, false]);
  });

  it('keeps a cluster-scoped object (no namespace) under the empty namespace', () => {
    const bucket = new KindBucket();
    bucket.set(obj(undefined, 'node-1'));
    expect(bucket.get('', 'node-1')?.metadata.name).toBe('node-1');
  });

  it('replaces the version stored under the same namespace and name, and deletes it', () => {
    const bucket = new KindBucket();
    bucket.set(obj('default', 'web', '1'));
    bucket.set(obj('default', 'web', '2'));
    expect(bucket.values().map((o) => o.metadata.resourceVersion)).toEqual(['2']);
    bucket.delete(obj('default', 'web'));
    expect([bucket.has('default', 'web'), bucket.values()]).toEqual([false, []]);
  });

  it('lists every object of every namespace', () => {
    const bucket = new KindBucket();
    for (const [ns, name] of [['b', 'x'], ['a', 'y'], ['b', 'a']] as const) bucket.set(obj(ns, name));
    expect(bucket.values().map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual(['a/y', 'b/a', 'b/x']);
  });
});
