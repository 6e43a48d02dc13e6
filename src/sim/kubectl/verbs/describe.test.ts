import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlContext, KubectlResult } from '../verb';
import { describeVerb } from './describe';

// Golden output of `kubectl describe` on a seed-1 cluster running a 2-replica Deployment with a readiness probe and
// its Service, at virtual time 60s. Spacing is describe's tabwriter: padding 2, no minimum width, each section aligned
// on its own. The text depends on the scheduler, kubelets and IP allocation: when they change, regenerate it and
// review the difference.
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{ containerPort: 8080 }]
        resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 128Mi } }
        readinessProbe: { httpGet: { path: /healthz, port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3 }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`;

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

let cluster: Cluster;
let ctx: KubectlContext;
beforeAll(() => {
  cluster = createCluster({ seed: 1 });
  cluster.apply(MANIFEST);
  cluster.settle();
  cluster.advance(60_000 - cluster.now());
  ctx = contextFor(cluster);
});
const run = (line: string): KubectlResult => runKubectl(ctx, line, [describeVerb]);
const POD_A = 'web-787f59d6fd-kz7nw';
const POD_B = 'web-787f59d6fd-n5knd';

describe('kubectl describe prints one object with its events', () => {
  it.each([
    [
      'kubectl describe pod web-787f59d6fd-kz7nw',
      text(
        'Name:         web-787f59d6fd-kz7nw',
        'Namespace:    default',
        'Priority:     0',
        'Node:         node-3/172.18.0.5',
        'Start Time:   Thu, 01 Jan 2026 09:00:00 +0000',
        'Labels:       app=web',
        '              pod-template-hash=787f59d6fd',
        'Annotations:  <none>',
        'Status:       Running',
        'IP:           10.244.3.2',
        'IPs:',
        '  IP:           10.244.3.2',
        'Controlled By:  ReplicaSet/web-787f59d6fd',
        'Containers:',
        '  web:',
        '    Container ID:   containerd://22014d10b2240794f1da23713da3bc693813fda5f01ebdd3b95482096f3e97bb',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:8daca99ccf77e0511f4d48e7bcd4c601cb7331d3d4aea9f3b495a5a93145ee6f',
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 09:00:05 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     64Mi',
        '    Readiness:    http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:                      <none>',
        'QoS Class:                    Burstable',
        'Node-Selectors:               <none>',
        'Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  60s   default-scheduler  Successfully assigned default/web-787f59d6fd-kz7nw to node-3',
        '  Normal  Pulling    59s   kubelet            Pulling image "nginx:1.27"',
        '  Normal  Pulled     55s   kubelet            Successfully pulled image "nginx:1.27" in 4.071s (4.071s including waiting). Image size: 72099501 bytes.',
        '  Normal  Created    55s   kubelet            Created container: web',
        '  Normal  Started    55s   kubelet            Started container web',
      ),
    ],
    [
      'kubectl describe deployment web',
      text(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 01 Jan 2026 09:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   web:',
        '    Image:      nginx:1.27',
        '    Port:       8080/TCP',
        '    Host Port:  0/TCP',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:         100m',
        '      memory:      64Mi',
        '    Readiness:     http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   web-787f59d6fd (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set web-787f59d6fd from 0 to 2',
      ),
    ],
    [
      'kubectl describe rs',
      text(
        'Name:           web-787f59d6fd',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=787f59d6fd',
        'Labels:         app=web',
        '                pod-template-hash=787f59d6fd',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 2',
        '                deployment.kubernetes.io/max-replicas: 3',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/web',
        'Replicas:       2 current / 2 desired',
        'Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=787f59d6fd',
        '  Containers:',
        '   web:',
        '    Image:      nginx:1.27',
        '    Port:       8080/TCP',
        '    Host Port:  0/TCP',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:         100m',
        '      memory:      64Mi',
        '    Readiness:     http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        '  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-787f59d6fd-kz7nw',
        '  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-787f59d6fd-n5knd',
      ),
    ],
    [
      'kubectl describe node control-plane',
      text(
        'Name:               control-plane',
        'Roles:              control-plane',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=control-plane',
        '                    kubernetes.io/os=linux',
        '                    node-role.kubernetes.io/control-plane=',
        '                    node.kubernetes.io/exclude-from-external-load-balancers=',
        'Annotations:        <none>',
        'CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000',
        'Taints:             node-role.kubernetes.io/control-plane:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  control-plane',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Thu, 01 Jan 2026 09:01:00 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  DiskPressure     False   Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
        '  PIDPressure      False   Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
        '  Ready            True    Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    control-plane',
        'Capacity:',
        '  cpu:                2',
        '  ephemeral-storage:  100Gi',
        '  memory:             4Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                2',
        '  ephemeral-storage:  100Gi',
        '  memory:             3996Mi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 ',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             6.8.0-kubeplay',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.1.1',
        '  Kubelet Version:            v1.35.0',
        'PodCIDR:                      10.244.0.0/24',
        'PodCIDRs:                     10.244.0.0/24',
        'Non-terminated Pods:          (0 in total)',
        '  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----    ------------  ----------  ---------------  -------------  ---',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests  Limits',
        '  --------           --------  ------',
        '  cpu                0 (0%)    0 (0%)',
        '  memory             0 (0%)    0 (0%)',
        '  ephemeral-storage  0 (0%)    0 (0%)',
        'Events:',
        '  Type    Reason          Age   From             Message',
        '  ----    ------          ----  ----             -------',
        '  Normal  RegisteredNode  60s   node-controller  Node control-plane event: Registered Node control-plane in Controller',
      ),
    ],
    [
      'kubectl describe svc web',
      text(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.105.82.41',
        'IPs:                      10.105.82.41',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.3.2:8080,10.244.2.2:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    ],
    [
      'kubectl describe ns default',
      text(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    ],
  ])('%s', (line, stdout) => {
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('kubectl describe of several objects', () => {
  const quiet = (name: string) => run(`kubectl describe pods/${name} --show-events=false`).stdout;

  it('Describing a type prints every object, two blank lines apart, without events', () => {
    expect(run('kubectl describe pods')).toEqual({ stdout: `${quiet(POD_A)}\n\n${quiet(POD_B)}`, stderr: '', exitCode: 0 });
  });

  it('A label selector narrows the objects described', () => {
    expect(run(`kubectl describe pods -l pod-template-hash=787f59d6fd`).stdout).toBe(`${quiet(POD_A)}\n\n${quiet(POD_B)}`);
  });

  it('--show-events given explicitly prints events for several objects too', () => {
    const out = run('kubectl describe pods --show-events').stdout;
    expect(out.split('\nEvents:\n').length).toBe(3);
  });

  it('A name that matches nothing exactly describes every object whose name starts with it, each followed by a blank line', () => {
    expect(run('kubectl describe pod web')).toEqual({ stdout: `${quiet(POD_A)}\n${quiet(POD_B)}\n`, stderr: '', exitCode: 0 });
  });

  it('A node lists the pods bound to it with their share of its allocatable resources', () => {
    const nodeName = cluster.get<KubeObject & { spec: { nodeName: string } }>('Pod', 'default', POD_A)!.spec.nodeName;
    const row = new RegExp(`\\n  default +${POD_A} +100m \\(2%\\) +0 \\(0%\\) +64Mi \\(0%\\) +128Mi \\(1%\\) +60s\\n`);
    expect(run(`kubectl describe node ${nodeName}`).stdout).toMatch(row);
  });

  it('A missing object among found ones is reported after the others are described, and the exit code is 1', () => {
    expect(run(`kubectl describe pod ${POD_A} nope`)).toEqual({
      stdout: quiet(POD_A),
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });
});

describe('kubectl describe errors', () => {
  it.each<[string, KubectlResult]>([
    ['kubectl describe pods/nope', { stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 }],
    ['kubectl describe pod nope', { stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 }],
    ['kubectl describe deployment nope -n kube-system', { stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 }],
    ['kubectl describe pods -l app=none', { stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 }],
    ['kubectl describe pods -l app=none -A', { stdout: '', stderr: 'No resources found\n', exitCode: 0 }],
    [
      'kubectl describe',
      { stdout: '', stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', exitCode: 1 },
    ],
    ['kubectl describe pods web -A', { stdout: '', stderr: 'error: a resource cannot be retrieved by name across all namespaces\n', exitCode: 1 }],
    ['kubectl describe pods web -l app=web', { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 }],
    ['kubectl describe flux', { stdout: '', stderr: 'error: the server doesn\'t have a resource type "flux"\n', exitCode: 1 }],
  ])('%s', (line, want) => {
    expect(run(line)).toEqual(want);
  });
});
