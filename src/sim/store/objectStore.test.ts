import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../cluster/cluster';
import type { KubeObject } from '../api/object';
import { StatusError } from '../api/statusError';
import type { WatchEvent } from './types';

const user = { actor: 'user', reason: 'test' };

function pod(name: string, labels: Record<string, string> = {}, extra: Partial<Pod['spec']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }], ...extra },
  };
}

function cm(name: string, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { k: 'v' } };
}

/** dataOf reads a ConfigMap's data. */
const dataOf = (obj: KubeObject) => (obj as unknown as { data: Record<string, string> }).data;

/** A cluster with no nodes, so no scheduler acts on the pods these tests create. */
const emptyCluster = () => createCluster({ nodes: [] });

describe('the object store (API server + etcd)', () => {
  it('create assigns uid, resourceVersion, creationTimestamp on the virtual clock, and the namespace', () => {
    const c = emptyCluster();
    c.advance(5000);
    const created = c.client.create(cm('settings'), user);
    expect(created.metadata.namespace).toBe('default');
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T09:00:05Z');
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(created.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(Object.isFrozen(created.metadata)).toBe(true);
  });

  it('create copies what the caller passes, so the caller may go on changing its object', () => {
    const c = emptyCluster();
    const input = cm('settings');
    const created = c.client.create(input, user);
    expect(created).not.toBe(input);
    expect(Object.isFrozen(input)).toBe(false);
    dataOf(input).k = 'changed';
    expect(dataOf(c.client.get('ConfigMap', 'default', 'settings')!).k).toBe('v');
  });

  it('create and updateStatus keep a handed-over object without a copy, frozen, so touching it afterwards throws', () => {
    const c = emptyCluster();
    const input = cm('settings');
    const created = c.client.create(input, { ...user, handOver: true });
    expect(created).toBe(input);
    expect(() => {
      dataOf(input).k = 'changed';
    }).toThrow(TypeError);
    const p = c.client.create(pod('web'), user) as KubeObject & Pod;
    const status = { phase: 'Running' as const };
    const updated = c.client.updateStatus({ ...p, status }, { ...user, handOver: true }) as KubeObject & Pod;
    expect(updated.status).toBe(status);
    expect(Object.isFrozen(status)).toBe(true);
  });

  it('an update keeps the unchanged parts of the stored version and a metadata of its own with the next resourceVersion', () => {
    const c = emptyCluster();
    const p = c.client.create(pod('web', { app: 'web' }), user) as KubeObject & Pod;
    const running = c.client.updateStatus({ ...p, status: { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'False' }] } }, user) as KubeObject & Pod;
    const ready = c.client.updateStatus({ ...running, status: { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }] } }, user) as KubeObject & Pod;
    expect(ready.status?.conditions?.[0]).toBe(running.status?.conditions?.[0]);
    expect(ready.status?.conditions?.[1]).toEqual({ type: 'Ready', status: 'True' });
    expect(ready.spec).toBe(running.spec);
    expect(ready.metadata).not.toBe(running.metadata);
    expect(ready.metadata.labels).toBe(running.metadata.labels);
    expect(Number(ready.metadata.resourceVersion)).toBe(Number(running.metadata.resourceVersion) + 1);
    expect(c.client.updateStatus({ ...ready, status: structuredClone(ready.status) }, user)).toBe(ready);
  });

  it('creating an existing name is refused with AlreadyExists, worded as the API server words it', () => {
    const c = emptyCluster();
    c.client.create(cm('settings'), user);
    expect(() => c.client.create(cm('settings'), user)).toThrow('configmaps "settings" already exists');
  });

  it('generateName appends 5 characters from the no-vowel alphabet', () => {
    const c = emptyCluster();
    const generated: KubeObject = { ...cm(''), metadata: { generateName: 'web-6d4cf56db6-' } };
    const created = c.client.create(generated, user);
    expect(created.metadata.name).toMatch(/^web-6d4cf56db6-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('objects in a namespace that does not exist are refused', () => {
    const c = emptyCluster();
    expect(() => c.client.create(cm('x', 'mem-example'), user)).toThrow('namespaces "mem-example" not found');
  });

  it('update bumps metadata.generation only when the spec changes', () => {
    const c = emptyCluster();
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } },
    };
    const created = c.client.create(rs, user);
    expect(created.metadata.generation).toBe(1);
    const relabelled = structuredClone(created);
    relabelled.metadata.labels = { team: 'a' };
    expect(c.client.update(relabelled, user).metadata.generation).toBe(1);
    const scaled = structuredClone(c.get('ReplicaSet', 'default', 'web')!);
    (scaled.spec as { replicas: number }).replicas = 2;
    expect(c.client.update(scaled, user).metadata.generation).toBe(2);
  });

  it('an update based on a stale resourceVersion is a Conflict', () => {
    const c = emptyCluster();
    const first = c.client.create(cm('settings'), user);
    c.client.update({ ...structuredClone(first), data: { k: 'v2' } }, user);
    expect(() => c.client.update({ ...structuredClone(first), data: { k: 'v3' } }, user)).toThrow(
      'Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('an update that changes nothing does not bump the resourceVersion', () => {
    const c = emptyCluster();
    const first = c.client.create(cm('settings'), user);
    expect(c.client.update(structuredClone(first), user).metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });

  it('watchers see ADDED, MODIFIED and DELETED in commit order', () => {
    const c = emptyCluster();
    const seen: string[] = [];
    c.client.watch('ConfigMap', (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`));
    const created = c.client.create(cm('a'), user);
    c.client.update({ ...structuredClone(created), data: { k: 'x' } }, user);
    c.client.delete('ConfigMap', 'default', 'a', user);
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('finalizers hold a deleted object until the last one is removed', () => {
    const c = emptyCluster();
    c.client.create({ ...cm('held'), metadata: { name: 'held', finalizers: ['example.com/hold'] } }, user);
    c.client.delete('ConfigMap', 'default', 'held', user);
    const deleting = c.get('ConfigMap', 'default', 'held')!;
    expect(deleting.metadata.deletionTimestamp).toBe('2026-01-01T09:00:00Z');
    const released = structuredClone(deleting);
    released.metadata.finalizers = [];
    c.client.update(released, user);
    expect(c.get('ConfigMap', 'default', 'held')).toBeUndefined();
  });

  it('a bound pod is deleted gracefully: it stays Terminating with its grace period until confirmed', () => {
    const c = emptyCluster();
    c.addNode({ name: 'node-1' });
    c.client.create(pod('web'), user);
    if (!c.get<Pod & KubeObject>('Pod', 'default', 'web')!.spec!.nodeName) c.client.bind('default', 'web', 'node-1', user);
    c.client.delete('Pod', 'default', 'web', user);
    const terminating = c.get('Pod', 'default', 'web')!;
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30);
    c.client.delete('Pod', 'default', 'web', user, { gracePeriodSeconds: 0 });
    expect(c.get('Pod', 'default', 'web')).toBeUndefined();
  });

  it('an unscheduled pod is deleted at once', () => {
    const c = emptyCluster();
    c.client.create(pod('web'), user);
    c.client.delete('Pod', 'default', 'web', user);
    expect(c.get('Pod', 'default', 'web')).toBeUndefined();
  });

  it('bind sets spec.nodeName and the PodScheduled condition, and refuses a second binding', () => {
    const c = emptyCluster();
    c.client.create(pod('web'), user);
    const bound = c.client.bind('default', 'web', 'node-9', user) as Pod & KubeObject;
    expect(bound.spec!.nodeName).toBe('node-9');
    expect(bound.status!.conditions!.find((x) => x.type === 'PodScheduled')!.status).toBe('True');
    expect(() => c.client.bind('default', 'web', 'node-1', user)).toThrow('pod web is already assigned to node "node-9"');
  });

  it('lists come back in namespace/name order and filter by label and field selectors', () => {
    const c = emptyCluster();
    c.client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alpha' } }, user);
    c.client.create(pod('b', { app: 'web', tier: 'front' }), user);
    c.client.create(pod('a', { app: 'db' }), user);
    c.client.create({ ...pod('z', { app: 'web' }), metadata: { name: 'z', namespace: 'alpha', labels: { app: 'web' } } }, user);
    c.client.bind('default', 'b', 'node-1', user);
    expect(c.list('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['alpha/z', 'default/a', 'default/b']);
    expect(c.list('Pod', { labelSelector: 'app=web,tier notin (back)' }).map((p) => p.metadata.name)).toEqual(['z', 'b']);
    expect(c.list('Pod', { fieldSelector: 'spec.nodeName=node-1' }).map((p) => p.metadata.name)).toEqual(['b']);
    expect(c.list('Pod', { namespace: 'default', fieldSelector: 'spec.nodeName=' }).map((p) => p.metadata.name)).toEqual(['a']);
  });

  it('admission adds the default not-ready and unreachable tolerations of 300 s', () => {
    const c = emptyCluster();
    const created = c.client.create(pod('web'), user) as Pod & KubeObject;
    expect(created.spec!.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('admission resolves a PriorityClass into spec.priority, and refuses an unknown one', () => {
    const c = emptyCluster();
    const critical = c.client.create(pod('critical', {}, { priorityClassName: 'system-cluster-critical' }), user) as Pod & KubeObject;
    expect(critical.spec!.priority).toBe(2000000000);
    expect(() => c.client.create(pod('x', {}, { priorityClassName: 'gold' }), user)).toThrow('pods "x" is forbidden: no PriorityClass with name gold was found');
  });

  it('validation failures are Invalid errors that name the field path', () => {
    const c = emptyCluster();
    try {
      c.client.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: -1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } } }, user);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StatusError);
      expect((err as StatusError).kubectlMessage).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    }
  });

  it('a reason names a generated name through {name}, every time it says it; other reasons stay as written', () => {
    const c = emptyCluster();
    const before = c.actions().length;
    const made: KubeObject = c.client.create({ ...cm(''), metadata: { generateName: 'settings-' } }, { actor: 'user', reason: 'created {name} ({name})' });
    c.client.create(cm('plain'), { actor: 'user', reason: 'created plain' });
    const name = made.metadata.name!;
    expect([name.length, c.get('ConfigMap', 'default', name) === made]).toEqual(['settings-'.length + 5, true]);
    expect(c.actions().slice(before).map((a) => a.reason)).toEqual([`created ${name} (${name})`, 'created plain']);
  });

  it('every write is narrated with its actor and reason, except quiet ones', () => {
    const c = emptyCluster();
    const before = c.actions().length;
    c.client.create(cm('a'), { actor: 'deployment-controller', reason: 'because' });
    c.client.create(cm('b'), { actor: 'kubelet/node-1', reason: 'heartbeat', quiet: true });
    expect(c.actions().slice(before).map((a) => [a.actor, a.verb, a.kind, a.name, a.reason])).toEqual([['deployment-controller', 'create', 'ConfigMap', 'a', 'because']]);
  });
});
