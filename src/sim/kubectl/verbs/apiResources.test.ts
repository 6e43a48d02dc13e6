import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import { apiResourcesVerb } from './apiResources';

const ctx = contextFor(createCluster({ seed: 1, kubelets: false, controllers: false }));
const run = (line: string) => runKubectl(ctx, line, [apiResourcesVerb]);

describe('kubectl api-resources', () => {
  it('lists every resource, the core group first, then groups and names in order', () => {
    expect(run('api-resources').stdout).toBe(
      [
        'NAME                       SHORTNAMES   APIVERSION               NAMESPACED   KIND',
        'configmaps                 cm           v1                       true         ConfigMap',
        'endpoints                  ep           v1                       true         Endpoints',
        'events                     ev           v1                       true         Event',
        'namespaces                 ns           v1                       false        Namespace',
        'nodes                      no           v1                       false        Node',
        'persistentvolumeclaims     pvc          v1                       true         PersistentVolumeClaim',
        'pods                       po           v1                       true         Pod',
        'replicationcontrollers     rc           v1                       true         ReplicationController',
        'secrets                                 v1                       true         Secret',
        'serviceaccounts            sa           v1                       true         ServiceAccount',
        'services                   svc          v1                       true         Service',
        'daemonsets                 ds           apps/v1                  true         DaemonSet',
        'deployments                deploy       apps/v1                  true         Deployment',
        'replicasets                rs           apps/v1                  true         ReplicaSet',
        'statefulsets               sts          apps/v1                  true         StatefulSet',
        'horizontalpodautoscalers   hpa          autoscaling/v2           true         HorizontalPodAutoscaler',
        'cronjobs                   cj           batch/v1                 true         CronJob',
        'jobs                                    batch/v1                 true         Job',
        'leases                                  coordination.k8s.io/v1   true         Lease',
        'endpointslices                          discovery.k8s.io/v1      true         EndpointSlice',
        'ingressclasses                          networking.k8s.io/v1     false        IngressClass',
        'ingresses                  ing          networking.k8s.io/v1     true         Ingress',
        'poddisruptionbudgets       pdb          policy/v1                true         PodDisruptionBudget',
        'priorityclasses            pc           scheduling.k8s.io/v1     false        PriorityClass',
        'storageclasses             sc           storage.k8s.io/v1        false        StorageClass',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      '-o wide adds the verbs and categories, --api-group keeps one group',
      'api-resources -o wide --api-group=apps',
      [
        'NAME           SHORTNAMES   APIVERSION   NAMESPACED   KIND          VERBS                                                          CATEGORIES',
        'daemonsets     ds           apps/v1      true         DaemonSet     [create delete deletecollection get list patch update watch]   [all]',
        'deployments    deploy       apps/v1      true         Deployment    [create delete deletecollection get list patch update watch]   [all]',
        'replicasets    rs           apps/v1      true         ReplicaSet    [create delete deletecollection get list patch update watch]   [all]',
        'statefulsets   sts          apps/v1      true         StatefulSet   [create delete deletecollection get list patch update watch]   [all]',
        '',
      ].join('\n'),
    ],
    [
      '--namespaced=false -o name names the cluster-scoped resources with their group',
      'api-resources --namespaced=false -o name',
      'namespaces\nnodes\ningressclasses.networking.k8s.io\npriorityclasses.scheduling.k8s.io\nstorageclasses.storage.k8s.io\n',
    ],
    ['--verbs keeps the resources that support them, --sort-by=kind orders by kind', 'api-resources --verbs=deletecollection --api-group= --no-headers --sort-by=kind -o name', 'configmaps\nendpoints\nevents\nnodes\npersistentvolumeclaims\npods\nreplicationcontrollers\nsecrets\nservices\nserviceaccounts\n'],
  ])('%s', (_, line, stdout) => {
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it.each([
    ['--sort-by takes name or kind', 'api-resources --sort-by=group', 'error: --sort-by accepts only name or kind\n'],
    ['arguments are refused', 'api-resources pods', "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n"],
  ])('%s', (_, line, stderr) => {
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
