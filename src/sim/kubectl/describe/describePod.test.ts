import { describe, expect, it } from 'vitest';
import type { Pod, Probe } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock/timeFormat';
import { describeContainerHostPorts, describeContainerPorts, describeProbe } from './containers';
import { describePod } from './describePod';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const pod = (spec: Partial<NonNullable<Pod['spec']>>, extra: Partial<Pod> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bar', namespace: 'foo' }, spec: { containers: [], ...spec }, ...extra }) as KubeObject;
const describeAt = (obj: KubeObject, now = 0) => describePod(obj, { client: fakeClient([obj]), now, showEvents: true });

describe('describePod', () => {
  it('A bare pod with an image volume prints as describe_test.go TestDescribePodVolumes expects', () => {
    const obj = pod({ volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } } as never] });
    expect(describeAt(obj)).toBe(
      text(
        'Name:         bar',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers: <none>',
        'Volumes:',
        '  image:',
        '    Type:        Image (a container image or OCI artifact)',
        '    Reference:   image',
        '    PullPolicy:  IfNotPresent',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
      ),
    );
  });

  it('Tolerations print as TestDescribePodTolerations expects, sorted by key', () => {
    const out = describeAt(
      pod({
        tolerations: [
          { operator: 'Exists' },
          { effect: 'NoSchedule', operator: 'Exists' },
          { key: 'key0', operator: 'Exists' },
          { key: 'key1', value: 'value1' },
          { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' },
          { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
        ],
      }),
    );
    expect(out).toContain(
      text(
        'Tolerations:     op=Exists',
        '                 :NoSchedule op=Exists',
        '                 key0 op=Exists',
        '                 key1=value1',
        '                 key2=value2:NoSchedule',
        '                 key3=value3:NoExecute for 300s',
        '                 key4:NoExecute for 60s',
      ),
    );
  });

  it('A pod being deleted shows how long it has been terminating and its grace period', () => {
    const obj = pod({}, { status: { phase: 'Running' } });
    const deleting = { ...obj, metadata: { ...obj.metadata, deletionTimestamp: rfc3339(0), deletionGracePeriodSeconds: 30 } };
    const out = describeAt(deleting, 95_000);
    expect(out).toContain(text('Status:                    Terminating (lasts 95s)', 'Termination Grace Period:  30s'));
  });

  it('A crash-looping container shows its waiting state, last termination, probes, env and mounts', () => {
    const obj = pod(
      {
        nodeName: 'node-1',
        containers: [
          {
            name: 'app',
            image: 'busybox',
            command: ['sh', '-c'],
            args: ['exit 1'],
            ports: [
              { name: 'http', containerPort: 8080, protocol: 'TCP' },
              { containerPort: 9090, protocol: 'TCP' },
            ],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            env: [
              { name: 'MODE', value: 'debug' },
              { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            ],
            volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
          },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
      {
        status: {
          phase: 'Running',
          hostIP: '172.18.0.3',
          podIP: '10.244.1.5',
          podIPs: [{ ip: '10.244.1.5' }],
          startTime: rfc3339(0),
          conditions: [{ type: 'Ready', status: 'False' }],
          containerStatuses: [
            {
              name: 'app',
              image: 'docker.io/library/busybox:latest',
              imageID: 'docker.io/library/busybox@sha256:abc',
              containerID: 'containerd://123',
              ready: false,
              restartCount: 3,
              state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app' } },
              lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: rfc3339(60_000), finishedAt: rfc3339(61_000) } },
            },
          ],
        },
      },
    );
    expect(describeAt(obj, 120_000)).toBe(
      text(
        'Name:         bar',
        'Namespace:    foo',
        'Node:         node-1/172.18.0.3',
        'Start Time:   Thu, 01 Jan 2026 09:00:00 +0000',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Running',
        'IP:           10.244.1.5',
        'IPs:',
        '  IP:  10.244.1.5',
        'Containers:',
        '  app:',
        '    Container ID:  containerd://123',
        '    Image:         busybox',
        '    Image ID:      docker.io/library/busybox@sha256:abc',
        '    Ports:         8080/TCP (http), 9090/TCP',
        '    Host Ports:    0/TCP (http), 0/TCP',
        '    Command:',
        '      sh',
        '      -c',
        '    Args:',
        '      exit 1',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Thu, 01 Jan 2026 09:01:00 +0000',
        '      Finished:     Thu, 01 Jan 2026 09:01:01 +0000',
        '    Ready:          False',
        '    Restart Count:  3',
        '    Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:      debug',
        '      POD_NAME:  bar (v1:metadata.name)',
        "      PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:',
        '      /data from data (ro)',
        'Conditions:',
        '  Type    Status',
        '  Ready   False ',
        'Volumes:',
        '  data:',
        '    Type:        EmptyDir (a temporary directory that shares a pod\'s lifetime)',
        '    Medium:      ',
        '    SizeLimit:   <unset>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
      ),
    );
  });
});

describe('describeProbe', () => {
  const timing = { initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 };
  it.each<{ name: string; probe: Probe; want: string }>([
    { name: 'An HTTP probe prints its URL with an empty host', probe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, ...timing }, want: 'http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3' },
    { name: 'An HTTPS probe on a named port and host keeps both', probe: { httpGet: { host: 'example.com', path: 'ready', port: 'https', scheme: 'HTTPS' }, ...timing }, want: 'http-get https://example.com:https/ready delay=3s timeout=1s period=3s #success=1 #failure=3' },
    { name: 'A TCP probe prints host:port', probe: { tcpSocket: { port: 5432 }, ...timing }, want: 'tcp-socket :5432 delay=3s timeout=1s period=3s #success=1 #failure=3' },
    { name: 'A gRPC probe prints the port and service', probe: { grpc: { port: 9090, service: '' }, ...timing }, want: 'grpc <pod>:9090  delay=3s timeout=1s period=3s #success=1 #failure=3' },
    { name: 'A probe without a handler is unknown', probe: { ...timing }, want: 'unknown delay=3s timeout=1s period=3s #success=1 #failure=3' },
  ])('$name', ({ probe, want }) => {
    expect(describeProbe(probe)).toBe(want);
  });
});

describe('describeContainerPorts', () => {
  // describe_test.go TestDescribeContainerPorts "multiple ports with mixed configuration".
  const ports = [
    { name: 'controller', containerPort: 9093, hostPort: 9093, protocol: 'TCP' },
    { containerPort: 9092, protocol: 'TCP' },
    { name: 'interbroker', containerPort: 9094, hostPort: 9094, protocol: 'TCP' },
  ];
  it('Container ports and host ports list every port, unset host ports as 0', () => {
    expect([describeContainerPorts(ports), describeContainerHostPorts(ports)]).toEqual([
      '9093/TCP (controller), 9092/TCP, 9094/TCP (interbroker)',
      '9093/TCP (controller), 0/TCP, 9094/TCP (interbroker)',
    ]);
  });
});
