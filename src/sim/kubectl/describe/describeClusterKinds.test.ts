import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { describeEndpointSlice, describeIngressClass, describePodDisruptionBudget, describePriorityClass, describeStorageClass } from './describeClusterKinds';
import type { Describer } from './describer';
import { fakeClient } from './fakeClient';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const obj = (apiVersion: string, kind: string, fields: Record<string, unknown>, namespace?: string): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: 'bar', namespace },
  ...fields,
});

describe('cluster kind describers', () => {
  it.each<{ name: string; describer: Describer; object: KubeObject; want: string }>([
    {
      name: 'A PriorityClass shows its value, default flag and preemption policy (TestDescribePriorityClass)',
      describer: describePriorityClass,
      object: obj('scheduling.k8s.io/v1', 'PriorityClass', { value: 10, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority', description: 'test1' }),
      want: text('Name:              bar', 'Value:             10', 'GlobalDefault:     false', 'PreemptionPolicy:  PreemptLowerPriority', 'Description:       test1', 'Annotations:       <none>', 'Events:            <none>'),
    },
    {
      name: 'A PodDisruptionBudget shows its budget, selector and status counters',
      describer: describePodDisruptionBudget,
      object: obj(
        'policy/v1',
        'PodDisruptionBudget',
        { spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } }, status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 } },
        'default',
      ),
      want: text(
        'Name:           bar',
        'Namespace:      default',
        'Min available:  50%',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                3',
        'Events:                   <none>',
      ),
    },
    {
      name: 'A default StorageClass says Yes and lists its topologies',
      describer: describeStorageClass,
      object: obj('storage.k8s.io/v1', 'StorageClass', {
        metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a', 'b'] }] }],
      }),
      want: text(
        'Name:                  standard',
        'IsDefaultClass:        Yes',
        'Annotations:           storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     WaitForFirstConsumer',
        'AllowedTopologies:     ',
        '  Term 0:              topology.kubernetes.io/zone in [a, b]',
        'Events:                <none>',
      ),
    },
    {
      name: 'An IngressClass shows its controller and parameters',
      describer: describeIngressClass,
      object: obj('networking.k8s.io/v1', 'IngressClass', { spec: { controller: 'k8s.io/ingress-nginx', parameters: { kind: 'ConfigMap', name: 'cfg' } } }),
      want: text('Name:         bar', 'Labels:       <none>', 'Annotations:  <none>', 'Controller:   k8s.io/ingress-nginx', 'Parameters:', '  Kind:  ConfigMap', '  Name:  cfg', 'Events:  <none>'),
    },
    {
      name: 'An EndpointSlice lists its ports and each endpoint with its conditions',
      describer: describeEndpointSlice,
      object: obj(
        'discovery.k8s.io/v1',
        'EndpointSlice',
        {
          addressType: 'IPv4',
          ports: [{ name: '', port: 8080, protocol: 'TCP' }],
          endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true }, nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web-1' } }],
        },
        'default',
      ),
      want: text(
        'Name:         bar',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  8080  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.2',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   node-1',
        '    Zone:       <unset>',
        'Events:         <none>',
      ),
    },
  ])('$name', ({ describer, object, want }) => {
    expect(describer(object, { client: fakeClient([object]), now: 0, showEvents: true })).toBe(want);
  });
});
