// Cases after pkg/controller/controller_utils_test.go TestGetPodFromTemplate and TestCreatePodsWithGenerateName.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import type { EventRecorder } from '../events/recorder';
import { deepFreeze } from '../store/deepFreeze';
import type { ApiClient, WriteContext } from '../store/types';
import { PodControl, getPodFromTemplate } from './podControl';

const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-6d4cf56db6', namespace: 'default', uid: 'u1' } };
const ref: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-6d4cf56db6', uid: 'u1', controller: true, blockOwnerDeletion: true };
const template = (): PodTemplateSpec => ({
  metadata: { labels: { app: 'web' }, annotations: { note: 'x' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }], restartPolicy: 'Always', securityContext: {} },
});

describe('getPodFromTemplate', () => {
  it('builds the pod from the template: labels, annotations, generateName, the controller reference and the spec', () => {
    const pod = getPodFromTemplate(template(), rs, ref);
    expect(JSON.stringify(pod)).toBe(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { labels: { app: 'web' }, annotations: { note: 'x' }, generateName: 'web-6d4cf56db6-', ownerReferences: [ref] },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2' }], restartPolicy: 'Always', securityContext: {} },
      }),
    );
  });

  it('copies an unfrozen template, so the caller may go on changing it', () => {
    const t = template();
    const pod = getPodFromTemplate(t, rs, ref);
    expect([pod.metadata.labels === t.metadata!.labels, pod.spec!.containers === t.spec!.containers, pod.spec === t.spec]).toEqual([false, false, false]);
  });

  it('shares the frozen parts of a stored template (labels, containers) but gives the pod its own spec and metadata', () => {
    const t = deepFreeze(template());
    const pod = getPodFromTemplate(t, rs, ref);
    expect([pod.metadata.labels === t.metadata!.labels, pod.spec!.containers === t.spec!.containers, pod.spec === t.spec]).toEqual([true, true, false]);
    expect([Object.isFrozen(pod.spec), Object.isFrozen(pod.metadata), Object.isFrozen(pod.metadata.ownerReferences![0])]).toEqual([false, false, false]);
  });

  it('gives a template without a spec an empty containers list', () => {
    expect(getPodFromTemplate({ metadata: { labels: { app: 'web' } } }, rs, ref).spec).toEqual({ containers: [] });
  });
});

describe('PodControl.createPods', () => {
  it('hands the new pod over to the API server with the caller\'s actor and reason, in its namespace', () => {
    const writes: [KubeObject, WriteContext][] = [];
    const client = { create: (obj: KubeObject, ctx: WriteContext) => (writes.push([obj, ctx]), { ...obj, metadata: { ...obj.metadata, name: 'web-6d4cf56db6-abcde' } }) } as unknown as ApiClient;
    const events: string[] = [];
    const recorder = { event: (_o: KubeObject, type: string, reason: string, message: string) => events.push(`${type} ${reason} ${message}`) } as unknown as EventRecorder;
    new PodControl(client, recorder, 'replicaset-controller').createPods(template(), rs, ref, { actor: 'replicaset-controller', reason: 'created pod {name}' });
    expect(writes.map(([obj, ctx]) => [obj.metadata.namespace, ctx])).toEqual([
      ['default', { actor: 'replicaset-controller', reason: 'created pod {name}', quiet: undefined, handOver: true }],
    ]);
    expect(events).toEqual(['Normal SuccessfulCreate Created pod: web-6d4cf56db6-abcde']);
  });
});
