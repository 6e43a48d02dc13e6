import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlContext, KubectlResult } from '../verb';
import { fixtureCluster } from './getFixture';

// Golden output of `kubectl get` on the fixture cluster (seed 1: a 3-replica Deployment, its Service, a ConfigMap in
// kube-system), settled 5 seconds after the apply. Spacing is kubectl's tabwriter: padding 3, minimum width 6.
const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const out = (stdout: string): KubectlResult => ({ stdout, stderr: '', exitCode: 0 });

let cluster: Cluster;
let ctx: KubectlContext;
beforeAll(() => {
  cluster = fixtureCluster();
  ctx = contextFor(cluster);
});
const run = (line: string) => runKubectl(ctx, line);

describe('kubectl get prints tables', () => {
  it.each([
    [
      'kubectl get pods',
      out(text(
        'NAME                   READY   STATUS    RESTARTS   AGE',
        'web-5894d768d8-4g2xs   1/1     Running   0          5s',
        'web-5894d768d8-dsxb6   1/1     Running   0          5s',
        'web-5894d768d8-wtmh6   1/1     Running   0          5s',
      )),
    ],
    [
      'kubectl get po -o wide',
      out(text(
        'NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-5894d768d8-4g2xs   1/1     Running   0          5s    10.244.3.2   node-3   <none>           <none>',
        'web-5894d768d8-dsxb6   1/1     Running   0          5s    10.244.2.2   node-2   <none>           <none>',
        'web-5894d768d8-wtmh6   1/1     Running   0          5s    10.244.1.2   node-1   <none>           <none>',
      )),
    ],
    [
      'kubectl get nodes',
      out(text(
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   5s    v1.35.0',
        'node-1          Ready    <none>          5s    v1.35.0',
        'node-2          Ready    <none>          5s    v1.35.0',
        'node-3          Ready    <none>          5s    v1.35.0',
      )),
    ],
    [
      'kubectl get no node-1 -o wide',
      out(text(
        'NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME',
        'node-1   Ready    <none>   5s    v1.35.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-kubeplay   containerd://2.1.1',
      )),
    ],
    [
      'kubectl get deploy,rs -o wide',
      out(text(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'deployment.apps/web   3/3     3            3           5s    nginx        nginx:1.27   app=web',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'replicaset.apps/web-5894d768d8   3         3         3       5s    nginx        nginx:1.27   app=web,pod-template-hash=5894d768d8',
      )),
    ],
    [
      'kubectl get all -A',
      out(text(
        'NAMESPACE   NAME                       READY   STATUS    RESTARTS   AGE',
        'default     pod/web-5894d768d8-4g2xs   1/1     Running   0          5s',
        'default     pod/web-5894d768d8-dsxb6   1/1     Running   0          5s',
        'default     pod/web-5894d768d8-wtmh6   1/1     Running   0          5s',
        '',
        'NAMESPACE   NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE',
        'default     service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP   5s',
        'default     service/web          ClusterIP   10.105.82.41   <none>        80/TCP    5s',
        '',
        'NAMESPACE   NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'default     deployment.apps/web   3/3     3            3           5s',
        '',
        'NAMESPACE   NAME                             DESIRED   CURRENT   READY   AGE',
        'default     replicaset.apps/web-5894d768d8   3         3         3       5s',
      )),
    ],
    [
      'kubectl get cm -A --show-labels',
      out(text('NAMESPACE     NAME       DATA   AGE   LABELS', 'kube-system   settings   2      5s    <none>')),
    ],
    [
      'kubectl get pods -L app --no-headers',
      out(text(
        'web-5894d768d8-4g2xs   1/1   Running   0     5s    web',
        'web-5894d768d8-dsxb6   1/1   Running   0     5s    web',
        'web-5894d768d8-wtmh6   1/1   Running   0     5s    web',
      )),
    ],
    [
      'kubectl get pods -l app=web --field-selector spec.nodeName=node-1',
      out(text('NAME                   READY   STATUS    RESTARTS   AGE', 'web-5894d768d8-wtmh6   1/1     Running   0          5s')),
    ],
    [
      'kubectl get pods --sort-by=.spec.nodeName',
      out(text(
        'NAME                   READY   STATUS    RESTARTS   AGE',
        'web-5894d768d8-wtmh6   1/1     Running   0          5s',
        'web-5894d768d8-dsxb6   1/1     Running   0          5s',
        'web-5894d768d8-4g2xs   1/1     Running   0          5s',
      )),
    ],
    [
      'kubectl get pc',
      out(text(
        'NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY',
        'system-cluster-critical   2000000000   false            5s    PreemptLowerPriority',
        'system-node-critical      2000001000   false            5s    PreemptLowerPriority',
      )),
    ],
    [
      'kubectl -n kube-system get configmap settings',
      out(text('NAME       DATA   AGE', 'settings   2      5s')),
    ],
  ])('%s', (line, want) => {
    expect(run(line)).toEqual(want);
  });

  it('names each object kind/name once several types were asked for, even if one kind is empty', () => {
    expect(run('kubectl get pods,svc web-5894d768d8-dsxb6')).toEqual({
      stdout: text('NAME                       READY   STATUS    RESTARTS   AGE', 'pod/web-5894d768d8-dsxb6   1/1     Running   0          5s'),
      stderr: text('Error from server (NotFound): services "web-5894d768d8-dsxb6" not found'),
      exitCode: 1,
    });
  });

  it('prints what it found and then each NotFound, exiting 1', () => {
    expect(run('kubectl get pod web-5894d768d8-dsxb6 nope other')).toEqual({
      stdout: text('NAME                   READY   STATUS    RESTARTS   AGE', 'web-5894d768d8-dsxb6   1/1     Running   0          5s'),
      stderr: text('Error from server (NotFound): pods "nope" not found', 'Error from server (NotFound): pods "other" not found'),
      exitCode: 1,
    });
    expect(run('kubectl get pod nope --ignore-not-found')).toEqual(out(''));
  });

  it('says no resources were found, naming the namespace only for namespaced kinds', () => {
    expect(run('kubectl get pods -n kube-system')).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
    expect(run('kubectl get nodes -l role=db')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
    expect(run('kubectl get pods -A -l app=db')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
  });
});

describe('kubectl get prints objects', () => {
  const settingsYaml = [
    'apiVersion: v1',
    'data:',
    '  a: "1"',
    '  b: "2"',
    'kind: ConfigMap',
    'metadata:',
    '  annotations:',
    '    kubectl.kubernetes.io/last-applied-configuration: |',
    '      {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"kube-system"},"data":{"a":"1","b":"2"}}',
    '  creationTimestamp: "2026-01-01T09:00:00Z"',
    '  name: settings',
    '  namespace: kube-system',
    '  resourceVersion: "16"',
    '  uid: 776578dc-4b08-441b-8488-8319bbabb82a',
  ];

  it('-o yaml prints one named object as itself, keys sorted, strings quoted as Go quotes them', () => {
    expect(run('kubectl get cm settings -n kube-system -o yaml')).toEqual(out(text(...settingsYaml)));
  });

  it('-o yaml prints a listing as a List, even an empty one', () => {
    expect(run('kubectl get cm -n kube-system -o yaml')).toEqual(
      out(text('apiVersion: v1', 'items:', ...settingsYaml.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)), 'kind: List', 'metadata:', '  resourceVersion: ""')),
    );
    expect(run('kubectl get pods -n kube-public -o yaml')).toEqual(out(text('apiVersion: v1', 'items: []', 'kind: List', 'metadata:', '  resourceVersion: ""')));
  });

  it('-o json indents by four spaces and escapes as Go does', () => {
    expect(run('kubectl get cm settings -n kube-system -o json')).toEqual(
      out(text(
        '{',
        '    "apiVersion": "v1",',
        '    "data": {',
        '        "a": "1",',
        '        "b": "2"',
        '    },',
        '    "kind": "ConfigMap",',
        '    "metadata": {',
        '        "annotations": {',
        '            "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"name\\":\\"settings\\",\\"namespace\\":\\"kube-system\\"},\\"data\\":{\\"a\\":\\"1\\",\\"b\\":\\"2\\"}}\\n"',
        '        },',
        '        "creationTimestamp": "2026-01-01T09:00:00Z",',
        '        "name": "settings",',
        '        "namespace": "kube-system",',
        '        "resourceVersion": "16",',
        '        "uid": "776578dc-4b08-441b-8488-8319bbabb82a"',
        '    }',
        '}',
      )),
    );
  });

  it('a missing named object prints only its error in any format', () => {
    expect(run('kubectl get cm nope -o yaml')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): configmaps "nope" not found\n', exitCode: 1 });
  });

  it.each([
    ['kubectl get deploy,pods -o name', text('deployment.apps/web', 'pod/web-5894d768d8-4g2xs', 'pod/web-5894d768d8-dsxb6', 'pod/web-5894d768d8-wtmh6')],
    [`kubectl get pods -o jsonpath='{.items[*].metadata.name}'`, 'web-5894d768d8-4g2xs web-5894d768d8-dsxb6 web-5894d768d8-wtmh6'],
    [
      `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}'`,
      text('web-5894d768d8-4g2xs\tnode-3', 'web-5894d768d8-dsxb6\tnode-2', 'web-5894d768d8-wtmh6\tnode-1'),
    ],
    [`kubectl get pods -o jsonpath='{.items[?(@.spec.nodeName=="node-1")].metadata.name}'`, 'web-5894d768d8-wtmh6'],
    [`kubectl get node node-1 -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`, 'True'],
    ['kubectl get deploy web -o jsonpath-as-json={.spec.replicas}', text('[', '    3', ']')],
    [
      'kubectl get pods --sort-by={.spec.nodeName} -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName,LABELS:.metadata.labels',
      text(
        'POD                    NODE     LABELS',
        'web-5894d768d8-wtmh6   node-1   map[app:web pod-template-hash:5894d768d8]',
        'web-5894d768d8-dsxb6   node-2   map[app:web pod-template-hash:5894d768d8]',
        'web-5894d768d8-4g2xs   node-3   map[app:web pod-template-hash:5894d768d8]',
      ),
    ],
    ['kubectl get svc -o custom-columns=NAME:.metadata.name,IP:.spec.clusterIP', text('NAME         IP', 'kubernetes   10.96.0.1', 'web          10.105.82.41')],
  ])('%s', (line, stdout) => {
    expect(run(line)).toEqual(out(stdout));
  });
});

describe('kubectl get refuses what kubectl refuses', () => {
  it.each([
    [
      'kubectl get',
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        "error: Required resource not specified.\nSee 'kubectl get -h' for help and examples\n",
    ],
    ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl get pod x -A', 'error: a resource cannot be retrieved by name across all namespaces\n'],
    ['kubectl get pods x -l a=b', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl get pods,svc -w', 'error: watch is only supported on individual resources and resource collections, but 2 resources were found\n'],
    [
      'kubectl get pods -o foo',
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    ],
    ['kubectl get pods -o jsonpath', 'error: template format specified but no template given\n'],
    [
      'kubectl get pods --field-selector=spec.foo=bar',
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    ],
    ['kubectl get pods --sort-by=.spec.foo', 'error: couldn\'t find any field with path "{.spec.foo}" in the list of objects\n'],
  ])('%s', (line, stderr) => {
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then a row per change with the widths it already used', () => {
    const watched = fixtureCluster();
    const result = runKubectl(contextFor(watched), 'kubectl get deploy -w');
    expect(result.stdout).toBe(text('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    3/3     3            3           5s'));
    const later: string[] = [];
    const stop = result.stream!.onEvent((o) => later.push(o.stdout));
    watched.scale('Deployment', 'default', 'web', 4);
    watched.settle();
    stop();
    watched.scale('Deployment', 'default', 'web', 1);
    // One row per write to the Deployment (spec, then each status update), as kubectl prints every MODIFIED event.
    expect(later).toEqual([
      'web    3/4     3            3           5s\n',
      'web    3/4     3            3           5s\n',
      'web    3/4     3            3           5s\n',
      'web    3/4     4            3           5s\n',
      'web    4/4     4            4           6s\n',
    ]);
  });

  it('-o name prints a line per event, and a watch on a missing object is its NotFound', () => {
    const watched = fixtureCluster();
    const result = runKubectl(contextFor(watched), 'kubectl get cm -A -w -o name');
    expect(result.stdout).toBe(text('configmap/settings'));
    const later: string[] = [];
    result.stream!.onEvent((o) => later.push(o.stdout));
    watched.delete('ConfigMap', 'kube-system', 'settings');
    expect(later).toEqual(['configmap/settings\n']);
    expect(runKubectl(contextFor(watched), 'kubectl get pod nope -w')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });
});
