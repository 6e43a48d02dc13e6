import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../kinds/index';
import { KindRegistry } from '../kinds/registry';
import { ALL_CATEGORY, resolveResourceArgs, resolveResourceType } from './resourceArgs';
import { errorText } from './verb';

const registry = new KindRegistry(DEFAULT_KINDS);
const brief = (args: string[]) => {
  const r = resolveResourceArgs(registry, args);
  return { targets: r.targets.map((t) => (t.name === undefined ? t.spec.kind : `${t.spec.kind}/${t.name}`)), multipleTypes: r.multipleTypes };
};

describe('resolveResourceType reads the names kubectl accepts', () => {
  it.each([
    ['po', 'Pod'], ['pods', 'Pod'], ['pod', 'Pod'], ['Pods', 'Pod'],
    ['deploy', 'Deployment'], ['deployments.apps', 'Deployment'], ['deployments.v1.apps', 'Deployment'], ['deployment.apps', 'Deployment'],
    ['rs', 'ReplicaSet'], ['svc', 'Service'], ['ep', 'Endpoints'], ['no', 'Node'], ['ns', 'Namespace'], ['ing', 'Ingress'],
    ['ev', 'Event'], ['cm', 'ConfigMap'], ['sa', 'ServiceAccount'], ['pvc', 'PersistentVolumeClaim'], ['ds', 'DaemonSet'],
    ['sts', 'StatefulSet'], ['cj', 'CronJob'], ['hpa', 'HorizontalPodAutoscaler'], ['pdb', 'PodDisruptionBudget'],
    ['pc', 'PriorityClass'], ['sc', 'StorageClass'], ['ingressclass', 'IngressClass'], ['endpointslices', 'EndpointSlice'],
    ['rc', 'ReplicationController'], ['leases', 'Lease'], ['jobs.batch', 'Job'], ['secrets', 'Secret'],
  ])('%s is %s', (type, kind) => {
    expect(resolveResourceType(registry, type).kind).toBe(kind);
  });

  it('an unknown type or a wrong version is the server\'s missing resource type', () => {
    expect(errorText(catchError(() => resolveResourceType(registry, 'foo')))).toBe('error: the server doesn\'t have a resource type "foo"');
    expect(errorText(catchError(() => resolveResourceType(registry, 'deployments.v2.apps')))).toBe(
      'error: the server doesn\'t have a resource type "deployments.v2.apps"',
    );
  });
});

describe('resolveResourceArgs reads TYPE NAME arguments as the resource builder does', () => {
  it.each([
    ['TYPE lists the kind', ['pods'], { targets: ['Pod'], multipleTypes: false }],
    ['TYPE NAME... gets each name', ['po', 'a', 'b'], { targets: ['Pod/a', 'Pod/b'], multipleTypes: false }],
    ['TYPE/NAME pairs keep their order', ['pod/a', 'svc/b', 'pod/c'], { targets: ['Pod/a', 'Service/b', 'Pod/c'], multipleTypes: true }],
    ['TYPE/NAME of one type prints no kinds', ['pod/a', 'pod/b'], { targets: ['Pod/a', 'Pod/b'], multipleTypes: false }],
    ['a,b lists both kinds', ['pods,svc'], { targets: ['Pod', 'Service'], multipleTypes: true }],
    ['a,b NAME gets the name of each kind', ['pods,svc', 'x'], { targets: ['Pod/x', 'Service/x'], multipleTypes: true }],
    ['a repeated type counts once', ['pods,po,pods'], { targets: ['Pod', 'Pod'], multipleTypes: true }],
    ['all is the all category', ['all'], { targets: ['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job'], multipleTypes: true }],
  ])('%s', (_, args, want) => {
    expect(brief(args)).toEqual(want);
  });

  it('the all category lists kinds in discovery order', () => {
    expect(ALL_CATEGORY.map((r) => resolveResourceType(registry, r).plural)).toEqual([
      'pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets',
      'horizontalpodautoscalers', 'cronjobs', 'jobs',
    ]);
  });

  it.each([
    ['mixing TYPE and TYPE/NAME', ['pods', 'pod/a'], "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"],
    ['two slashes', ['pod/a/b'], 'error: arguments in resource/name form may not have more than one slash'],
    ['an empty name', ['pod/'], 'error: arguments in resource/name form must have a single resource and name'],
    ['two types before a slash', ['pod,svc/a'], 'error: arguments in resource/name form must have a single resource and name'],
    ['an unknown type in a list', ['pods,foo'], 'error: the server doesn\'t have a resource type "foo"'],
  ])('%s is an error', (_, args, message) => {
    expect(errorText(catchError(() => resolveResourceArgs(registry, args)))).toBe(message);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
