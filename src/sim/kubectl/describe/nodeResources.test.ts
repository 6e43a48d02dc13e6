import { describe, expect, it } from 'vitest';
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock/timeFormat';
import { describeNodeResource, podLimits, podRequests } from './nodeResources';
import { tabbedString } from './prefixWriter';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const container = (name: string, requests: Record<string, string>, limits: Record<string, string> = {}, restartPolicy?: string): Container =>
  ({ name, image: 'busybox', resources: { requests, limits }, restartPolicy }) as Container;
const pod = (name: string, containers: Container[], initContainers: Container[] = []): Pod & KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', creationTimestamp: rfc3339(0) },
  spec: { containers, initContainers },
});
const show = (list: Map<string, { toString(): string }>) => Object.fromEntries([...list].map(([k, v]) => [k, v.toString()]));

describe('podRequests and podLimits', () => {
  it.each([
    {
      name: 'App containers add up',
      pod: pod('a', [container('a', { cpu: '100m', memory: '64Mi' }, { memory: '128Mi' }), container('b', { cpu: '250m', memory: '64Mi' }, { cpu: '1' })]),
      requests: { cpu: '350m', memory: '128Mi' },
      limits: { cpu: '1', memory: '128Mi' },
    },
    {
      name: 'A larger init container sets the request, since it runs alone before the app containers',
      pod: pod('b', [container('app', { cpu: '100m' })], [container('init', { cpu: '500m' })]),
      requests: { cpu: '500m' },
      limits: {},
    },
    {
      name: 'A sidecar (restartable init container) adds to the app containers and to later init containers',
      pod: pod('c', [container('app', { cpu: '100m' })], [container('sidecar', { cpu: '200m' }, {}, 'Always'), container('init', { cpu: '250m' })]),
      requests: { cpu: '450m' },
      limits: {},
    },
  ])('$name', ({ pod: p, requests, limits }) => {
    expect([show(podRequests(p)), show(podLimits(p))]).toEqual([requests, limits]);
  });
});

describe('describeNodeResource', () => {
  const node: Node = { status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '2', memory: '4Gi', pods: '110', 'example.com/gpu': '2' } } };
  it('Each pod shows its share of the allocatable resources, and the totals follow (truncated percentages)', () => {
    const pods = [pod('web', [container('web', { cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '2Gi' })]), pod('idle', [container('idle', {})])];
    expect(tabbedString((w) => describeNodeResource(pods, node, w, 3_600_000))).toBe(
      text(
        'Non-terminated Pods:  (2 in total)',
        '  Namespace           Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------           ----    ------------  ----------  ---------------  -------------  ---',
        '  default             web     500m (25%)    1 (50%)     1Gi (25%)        2Gi (50%)      60m',
        '  default             idle    0 (0%)        0 (0%)      0 (0%)           0 (0%)         60m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                500m (25%)  1 (50%)',
        '  memory             1Gi (25%)   2Gi (50%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        '  example.com/gpu    0           0',
      ),
    );
  });
});
