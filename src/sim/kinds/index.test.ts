// The registered kinds: REST names as `kubectl api-resources` lists them, and the strategies' PrepareForCreate.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/object';
import { DEFAULT_KINDS } from './index';
import { KindRegistry } from './registry';

const registry = new KindRegistry(DEFAULT_KINDS);
const spec = (kind: string) => registry.forKind(kind)!;

/** create runs a kind's hooks in the API server's order on a copy of `obj`, as the store does. */
function create(obj: Omit<KubeObject, 'apiVersion'> & { apiVersion?: string }): KubeObject {
  const copy = structuredClone(obj) as KubeObject;
  const s = spec(copy.kind);
  if (s.namespaced) copy.metadata.namespace ||= 'default';
  (copy.metadata as { uid?: string }).uid = 'b2a9e1f0-0000-4000-8000-00000000000a';
  s.defaults?.(copy);
  s.prepareForCreate?.(copy);
  return copy;
}

describe('DEFAULT_KINDS', () => {
  it.each([
    ['po', 'Pod'], ['svc', 'Service'], ['ns', 'Namespace'], ['no', 'Node'], ['rc', 'ReplicationController'], ['ep', 'Endpoints'],
    ['ev', 'Event'], ['sa', 'ServiceAccount'], ['cm', 'ConfigMap'], ['pvc', 'PersistentVolumeClaim'], ['deploy', 'Deployment'],
    ['rs', 'ReplicaSet'], ['ds', 'DaemonSet'], ['sts', 'StatefulSet'], ['cj', 'CronJob'], ['ing', 'Ingress'],
    ['hpa', 'HorizontalPodAutoscaler'], ['pdb', 'PodDisruptionBudget'], ['pc', 'PriorityClass'], ['sc', 'StorageClass'],
    ['jobs', 'Job'], ['secrets', 'Secret'], ['ingressclasses', 'IngressClass'], ['endpointslices', 'EndpointSlice'], ['leases', 'Lease'],
  ])('resolves %s to %s', (name, kind) => expect(registry.forResource(name)?.kind).toBe(kind));

  it('serves each kind at the apiVersion kubectl uses', () => {
    expect(DEFAULT_KINDS.map((k) => `${k.kind} ${k.group ? `${k.group}/` : ''}${k.version}${k.namespaced ? '' : ' (cluster)'}`)).toEqual([
      'Namespace v1 (cluster)', 'Node v1 (cluster)', 'Pod v1', 'ReplicationController v1', 'Service v1', 'Endpoints v1', 'Event v1',
      'ServiceAccount v1', 'ConfigMap v1', 'Secret v1', 'PersistentVolumeClaim v1', 'Deployment apps/v1', 'ReplicaSet apps/v1',
      'DaemonSet apps/v1', 'StatefulSet apps/v1', 'Job batch/v1', 'CronJob batch/v1', 'Ingress networking.k8s.io/v1',
      'IngressClass networking.k8s.io/v1 (cluster)', 'HorizontalPodAutoscaler autoscaling/v2', 'PodDisruptionBudget policy/v1',
      'EndpointSlice discovery.k8s.io/v1', 'Lease coordination.k8s.io/v1', 'PriorityClass scheduling.k8s.io/v1 (cluster)',
      'StorageClass storage.k8s.io/v1 (cluster)',
    ]);
  });
});

describe('prepareForCreate', () => {
  it('starts a pod Pending with its QoS class, whatever status the client sent', () => {
    const pod = create({
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '1', memory: '1Gi' } } }] },
      status: { phase: 'Running' },
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('holds a gated pod with PodScheduled=False', () => {
    const pod = create({ kind: 'Pod', metadata: { name: 'web' }, spec: { schedulingGates: [{ name: 'example.com/wait' }], containers: [{ name: 'web', image: 'nginx' }] } });
    expect(pod.status).toEqual({
      phase: 'Pending',
      qosClass: 'BestEffort',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }],
    });
  });

  it('makes a namespace Active with the kubernetes finalizer', () => {
    const ns = create({ kind: 'Namespace', metadata: { name: 'team-a' } });
    expect([ns.spec, ns.status, ns.metadata.labels]).toEqual([{ finalizers: ['kubernetes'] }, { phase: 'Active' }, { 'kubernetes.io/metadata.name': 'team-a' }]);
  });

  it('gives a Job a selector on its uid and labels its pods with its name and uid', () => {
    const job = create({ kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } });
    const uid = 'b2a9e1f0-0000-4000-8000-00000000000a';
    const labels = { 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'batch.kubernetes.io/controller-uid': uid };
    expect(job.spec).toMatchObject({ selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }, template: { metadata: { labels } } });
    expect(job.metadata.labels).toEqual(labels);
    expect(job.status).toEqual({});
  });

  it.each([
    ['Deployment', {}],
    ['ReplicaSet', { replicas: 0 }],
    ['DaemonSet', { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }],
    ['StatefulSet', { replicas: 0, availableReplicas: 0 }],
    ['Service', { loadBalancer: {} }],
    ['Ingress', { loadBalancer: {} }],
    ['HorizontalPodAutoscaler', { desiredReplicas: 0 }],
  ])('resets a new %s status to %j', (kind, status) => {
    expect(create({ kind, metadata: { name: 'x' }, spec: {}, status: { replicas: 7 } }).status).toEqual(status);
  });
});
