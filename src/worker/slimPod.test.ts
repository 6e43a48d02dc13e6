import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type KubeObject } from '../sim/index';
import { podRequests } from '../sim/api/core/v1/podResources';
import { podRow } from '../sim/kubectl/printers/podStatus';
import { slimPod } from './slimPod';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        resources: {requests: {cpu: 10m, memory: 16Mi}}
---
apiVersion: v1
kind: Pod
metadata: {name: too-big}
spec:
  containers:
  - name: app
    image: nginx:1.14.2
    resources: {requests: {cpu: "100"}}
---
apiVersion: v1
kind: Pod
metadata: {name: with-sidecar}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: [sh, -c, "sleep 20"]
    resources: {requests: {cpu: 300m}}
  - name: proxy
    image: envoyproxy/envoy:v1.30.1
    restartPolicy: Always
    resources: {requests: {cpu: 100m, memory: 64Mi}}
  containers:
  - name: app
    image: nginx:1.14.2
    resources: {requests: {cpu: 50m}}
`;

/** onWire is the slimmed Pod as the page decodes it: JSON drops the fields slimPod left undefined. */
const onWire = (pod: Pod) => JSON.parse(JSON.stringify(slimPod(pod))) as Pod;

describe('slimPod', () => {
  it('keeps of a running Deployment pod its identity, owner, node, IPs, requests and container states, and nothing else', () => {
    const cluster = createCluster();
    cluster.apply(MANIFEST);
    cluster.advance(60_000);
    const pod = cluster.get<Pod & KubeObject>('Pod', 'default', 'web-85bf8f5f96-5knds')!;
    expect(onWire(pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-85bf8f5f96-5knds',
        namespace: 'default',
        uid: 'fd38885b-b2a5-45cc-b528-8bc9496dabd1',
        resourceVersion: '64',
        labels: { app: 'web', 'pod-template-hash': '85bf8f5f96' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-85bf8f5f96', uid: 'efbef965-ea9f-491c-a717-2306c4b21688', controller: true, blockOwnerDeletion: true }],
      },
      spec: { nodeName: 'node-2', containers: [{ name: 'nginx', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      status: {
        phase: 'Running',
        podIP: '10.244.2.2',
        hostIP: '172.18.0.4',
        conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
        containerStatuses: [{ name: 'nginx', ready: true, started: true, restartCount: 0, state: { running: {} }, lastState: {} }],
      },
    });
    expect(JSON.stringify(pod).length).toBe(2335);
    expect(JSON.stringify(slimPod(pod)).length).toBe(932);
  });

  it("leaves kubectl's READY, STATUS and RESTARTS and the pod's requests as they were, whatever state the pod is in", () => {
    const cluster = createCluster();
    cluster.apply(MANIFEST);
    const seen = new Set<string>();
    const compare = () => {
      for (const pod of cluster.list<Pod & KubeObject>('Pod')) {
        const slim = onWire(pod);
        expect(podRow(slim), pod.metadata.name).toEqual(podRow(pod));
        expect(podRequests(slim), pod.metadata.name).toEqual(podRequests(pod));
        seen.add(podRow(pod).status);
      }
    };
    for (let i = 0; i < 12; i++) {
      cluster.advance(2_000);
      compare();
    }
    // The kubelet restarts a container at once after its first crash, and backs off after the second.
    for (let crash = 0; crash < 2; crash++) {
      cluster.crashContainer('default', 'web-85bf8f5f96-5knds');
      compare();
      cluster.advance(1_000);
      compare();
    }
    cluster.delete('Pod', 'default', 'with-sidecar');
    compare();
    expect([...seen].sort()).toEqual(['ContainerCreating', 'CrashLoopBackOff', 'Init:0/2', 'Init:1/2', 'Pending', 'PodInitializing', 'Running', 'Terminating']);
  });
});
