import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { EPOCH_MS } from '../../clock/timeFormat';
import { TABLE_HANDLERS } from './index';

// Cells as the API server's table convertor fills them (every column, wide ones too), for objects built by hand.
// Cases follow pkg/printers/internalversion/printers_test.go where it has one.
const NOW = 3_600_000; // one hour after the epoch
const ago = (seconds: number) => new Date(EPOCH_MS + NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
const obj = (kind: string, rest: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', creationTimestamp: ago(70), ...meta },
  ...rest,
});
const cells = (o: KubeObject) => TABLE_HANDLERS[o.kind].cells(o, NOW);

describe('table cells by kind', () => {
  it.each([
    [
      'an HPA without minReplicas or metrics (TestPrintHPA)',
      obj('HorizontalPodAutoscaler', { spec: { scaleTargetRef: { kind: 'ReplicationController', name: 'some-rc' }, maxReplicas: 10 }, status: { currentReplicas: 4, desiredReplicas: 5 } }),
      ['x', 'ReplicationController/some-rc', '<none>', '<unset>', 10, 4, '70s'],
    ],
    [
      'an HPA with an external average value and no current value',
      obj('HorizontalPodAutoscaler', {
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'External', external: { metric: { name: 'm' }, target: { type: 'AverageValue', averageValue: '100m' } } }] },
        status: { currentReplicas: 4, desiredReplicas: 5 },
      }),
      ['x', 'Deployment/web', '<unknown>/100m (avg)', '2', 10, 4, '70s'],
    ],
    [
      'an HPA with cpu utilisation, three metrics shown as two and "+ 1 more..."',
      obj('HorizontalPodAutoscaler', {
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          maxReplicas: 10,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
            { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
            { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
          ],
        },
        status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '250m' } } }] },
      }),
      ['x', 'Deployment/web', 'cpu: 50%/80%, memory: <unknown>/1Gi + 1 more...', '<unset>', 10, 3, '70s'],
    ],
    [
      'a LoadBalancer service still waiting for its address',
      obj('Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, nodePort: 30443, protocol: 'TCP' }] } }),
      ['x', 'LoadBalancer', '10.96.0.10', '<pending>', '80:30080/TCP,443:30443/TCP', '70s', '<none>'],
    ],
    [
      'a LoadBalancer service with addresses and external IPs',
      obj('Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.10'], externalIPs: ['1.2.3.4'], ports: [{ port: 80, protocol: 'UDP' }], selector: { b: '2', a: '1' } }, status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { hostname: 'lb.example.com' }] } } }),
      ['x', 'LoadBalancer', '10.96.0.10', '5.6.7.8,lb.example.com,1.2.3.4', '80/UDP', '70s', 'a=1,b=2'],
    ],
    [
      'a headless ExternalName service without ports',
      obj('Service', { spec: { type: 'ExternalName', externalName: 'db.example.com' } }),
      ['x', 'ExternalName', '<none>', 'db.example.com', '<none>', '70s', '<none>'],
    ],
    [
      'endpoints list three addresses, then how many more (TestPrintEndpoint)',
      obj('Endpoints', { subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 8080 }, { port: 8443 }] }] }),
      ['x', '10.0.0.1:8080,10.0.0.2:8080,10.0.0.1:8443 + 1 more...', '70s'],
    ],
    ['endpoints without subsets', obj('Endpoints', {}), ['x', '<none>', '70s']],
    [
      'a node that is not ready, cordoned, with roles from both label forms',
      obj('Node', {
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'Unknown' }], nodeInfo: { kubeletVersion: 'v1.35.0' }, addresses: [{ type: 'InternalIP', address: '10.0.0.5' }] },
      }, { labels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': 'x' } }),
      ['x', 'NotReady,SchedulingDisabled', 'edge,worker', '70s', 'v1.35.0', '10.0.0.5', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    ],
    ['a node without a Ready condition', obj('Node', { status: {} }), ['x', 'Unknown', '<none>', '70s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']],
    [
      'a finished job shows its duration and Complete (TestPrintJob)',
      obj('Job', { spec: { completions: 2, template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } }, selector: { matchLabels: { 'job-name': 'x' } } }, status: { succeeded: 2, startTime: ago(65), completionTime: ago(5), conditions: [{ type: 'Complete', status: 'True' }] } }),
      ['x', 'Complete', '2/2', '60s', '70s', 'c', 'busybox', 'job-name=x'],
    ],
    [
      'a running job with parallelism and no completions',
      obj('Job', { spec: { parallelism: 3, template: { spec: { containers: [] } } }, status: { succeeded: 1, startTime: ago(10) } }),
      ['x', 'Running', '1/1 of 3', '10s', '70s', '', '', '<none>'],
    ],
    [
      'a job that has not started has no duration',
      obj('Job', { spec: { template: { spec: { containers: [] } } }, status: { conditions: [{ type: 'Suspended', status: 'True' }] } }),
      ['x', 'Suspended', '0/1', '', '70s', '', '', '<none>'],
    ],
    [
      'a cronjob never scheduled',
      obj('CronJob', { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } } }, status: {} }),
      ['x', '*/5 * * * *', '<none>', '<unset>', 0, '<none>', '70s', 'c', 'i', '<none>'],
    ],
    [
      'a suspended cronjob with a time zone and an active job',
      obj('CronJob', { spec: { schedule: '@daily', timeZone: 'Etc/UTC', suspend: true, jobTemplate: { spec: { template: { spec: { containers: [] } } } } }, status: { active: [{ name: 'x-1' }], lastScheduleTime: ago(30) } }),
      ['x', '@daily', 'Etc/UTC', 'True', 1, '30s', '70s', '', '', '<none>'],
    ],
    [
      'an ingress with TLS, a class, and more than three hosts (TestPrintIngress)',
      obj('Ingress', { spec: { ingressClassName: 'nginx', tls: [{ hosts: ['a.com'] }], rules: [{ host: 'a.com' }, { host: 'b.com' }, {}, { host: 'c.com' }, { host: 'd.com' }] }, status: { loadBalancer: { ingress: [{ ip: '2.3.4.5' }] } } }),
      ['x', 'nginx', 'a.com,b.com,c.com + 2 more...', '2.3.4.5', '80, 443', '70s'],
    ],
    ['an ingress without rules matches every host', obj('Ingress', { spec: {} }), ['x', '<none>', '*', '', '80', '70s']],
    [
      'an ingress class with parameters',
      obj('IngressClass', { spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } } }),
      ['x', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/external-lb', '70s'],
    ],
    [
      'an endpoint slice with unnamed ports and many addresses (TestPrintEndpointSlice)',
      obj('EndpointSlice', { addressType: 'IPv4', ports: [{ port: 80 }, { name: 'http' }, {}, { port: 9000 }], endpoints: [{ addresses: ['10.1.2.3', '2.3.4.5'] }, { addresses: ['3.4.5.6'] }, { addresses: ['4.5.6.7'] }] }),
      ['x', 'IPv4', '80,http,* + 1 more...', '10.1.2.3,2.3.4.5,3.4.5.6 + 1 more...', '70s'],
    ],
    ['an empty endpoint slice', obj('EndpointSlice', { addressType: 'IPv6', endpoints: [] }), ['x', 'IPv6', '<unset>', '<unset>', '70s']],
    [
      'a PDB with minAvailable only',
      obj('PodDisruptionBudget', { spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 5 } }),
      ['x', '50%', 'N/A', 5, '70s'],
    ],
    [
      'the default storage class is marked',
      obj('StorageClass', { provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
      ['x (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '70s'],
    ],
    ['a lease without a holder', obj('Lease', { spec: {} }), ['x', '', '70s']],
    [
      'a bound claim shows capacity and access modes in kubectl order',
      obj('PersistentVolumeClaim', { spec: { volumeName: 'pv-1', storageClassName: 'standard' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] } }),
      ['x', 'Bound', 'pv-1', '1Gi', 'RWO,RWX', 'standard', '<unset>', '70s', '<unset>'],
    ],
    ['a pending claim shows no capacity', obj('PersistentVolumeClaim', { spec: {}, status: { phase: 'Pending' } }), ['x', 'Pending', '', '', '', '', '<unset>', '70s', '<unset>']],
    ['a secret counts its keys', obj('Secret', { type: 'Opaque', data: { a: 'YQ==', b: 'Yg==' } }), ['x', 'Opaque', 2, '70s']],
    ['a config map counts data and binaryData', obj('ConfigMap', { data: { a: '1' }, binaryData: { b: 'Yg==' } }), ['x', 2, '70s']],
    ['a service account counts its secrets', obj('ServiceAccount', {}), ['x', 0, '70s']],
    ['a namespace shows its phase', obj('Namespace', { status: { phase: 'Terminating' } }), ['x', 'Terminating', '70s']],
    [
      'a stateful set is ready/desired',
      obj('StatefulSet', { spec: { replicas: 3, template: { spec: { containers: [{ name: 'db', image: 'postgres:17' }, { name: 'sidecar', image: 'busybox' }] } } }, status: { readyReplicas: 1 } }),
      ['x', '1/3', '70s', 'db,sidecar', 'postgres:17,busybox'],
    ],
    [
      'a daemon set shows its node selector',
      obj('DaemonSet', { spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'a', image: 'agent:1' }] } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } }),
      ['x', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '70s', 'a', 'agent:1', 'app=agent'],
    ],
    [
      'a pod with a readiness gate and a restart shows when it last restarted',
      obj('Pod', {
        spec: { nodeName: 'node-1', readinessGates: [{ conditionType: 'example.com/ready' }], containers: [{ name: 'a' }] },
        status: {
          phase: 'Running',
          podIPs: [{ ip: '10.244.1.5' }],
          conditions: [{ type: 'example.com/ready', status: 'True' }],
          containerStatuses: [{ name: 'a', ready: true, restartCount: 2, image: '', imageID: '', state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(20) } } }],
        },
      }),
      ['x', '1/1', 'Running', '2 (20s ago)', '70s', '10.244.1.5', 'node-1', '<none>', '1/1'],
    ],
  ])('%s', (_, o, want) => {
    expect(cells(o)).toEqual(want);
  });

  it('an event falls back from lastTimestamp to firstTimestamp to eventTime, and counts a singleton as 1', () => {
    const event = (rest: Record<string, unknown>) =>
      obj('Event', { involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{nginx}' }, type: 'Normal', reason: 'Pulled', message: ' done \n', source: { component: 'kubelet', host: 'node-1' }, ...rest }, { name: 'web.1' });
    expect(cells(event({ firstTimestamp: ago(90), lastTimestamp: ago(30), count: 3 }))).toEqual(['30s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node-1', 'done', '90s', 3, 'web.1']);
    expect(cells(event({ eventTime: `${ago(45).slice(0, -1)}.000000Z`, reportingComponent: 'x' }))).toEqual(['45s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node-1', 'done', '45s', 1, 'web.1']);
    expect(cells(event({ series: { count: 7, lastObservedTime: `${ago(5).slice(0, -1)}.000000Z` }, eventTime: `${ago(50).slice(0, -1)}.000000Z` }))[0]).toBe('5s');
  });
});
