// Ports cases from pkg/apis/core/v1/defaults_test.go (TestSetDefaultPodSpec, TestSetDefaultContainer,
// TestSetDefaultProbe, TestSetDefaultService, TestSetDefaultNamespace, TestSetDefaultReplicationController...).
import type { Container, Namespace, Node, Pod, ReplicationController, Secret, Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  setDefaultsContainer,
  setDefaultsNamespace,
  setDefaultsNode,
  setDefaultsPod,
  setDefaultsPodTemplateSpec,
  setDefaultsReplicationController,
  setDefaultsSecret,
  setDefaultsService,
} from './defaults';
import { imageTag } from './imageName';
import { deepFreeze } from '../../../store/deepFreeze';

const podWith = (containers: Container[]): Pod => ({ metadata: { name: 'p' }, spec: { containers } });

describe('setDefaultsPod', () => {
  it('fills the pod spec defaults a bare pod gets from the API server', () => {
    const pod = podWith([{ name: 'web', image: 'nginx:1.25' }]);
    setDefaultsPod(pod);
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          resources: {},
        },
      ],
      enableServiceLinks: true,
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
  });

  it('copies limits into missing requests without touching requests that are set', () => {
    const pod = podWith([{ name: 'c', image: 'x', resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } } }]);
    setDefaultsPod(pod);
    expect(pod.spec!.containers[0]!.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
  });

  it('sets host ports to container ports on the host network', () => {
    const pod = podWith([{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }]);
    pod.spec!.hostNetwork = true;
    setDefaultsPod(pod);
    expect(pod.spec!.containers[0]!.ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
  });

  it('keeps values the user set', () => {
    const pod = podWith([{ name: 'c', image: 'x' }]);
    Object.assign(pod.spec!, { restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0, enableServiceLinks: false });
    setDefaultsPod(pod);
    expect(pod.spec).toMatchObject({ restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0, enableServiceLinks: false });
  });
});

describe('setDefaultsPod on a pod that shares a stored template\'s frozen containers', () => {
  /** podFromStoredTemplate: a pod spec whose containers list is a defaulted template's, frozen as the store keeps it. */
  const podFromStoredTemplate = (containers: Container[], hostNetwork = false): Pod => {
    const template = { spec: { containers, ...(hostNetwork ? { hostNetwork } : {}) } };
    setDefaultsPodTemplateSpec(template);
    return { metadata: { name: 'p' }, spec: { ...template.spec, containers: deepFreeze(template.spec.containers) } };
  };

  it('writes nothing into containers the template defaulting already completed, and keeps sharing them', () => {
    const pod = podFromStoredTemplate([{ name: 'a', image: 'x', resources: { requests: { cpu: '1' } } }]);
    const shared = pod.spec!.containers;
    setDefaultsPod(pod);
    expect([pod.spec!.containers === shared, pod.spec!.enableServiceLinks]).toEqual([true, true]);
  });

  it('copies the list and only the container whose missing requests default to its limits', () => {
    const pod = podFromStoredTemplate([{ name: 'a', image: 'x' }, { name: 'b', image: 'x', resources: { limits: { cpu: '1' } } }]);
    const [a, b] = pod.spec!.containers;
    setDefaultsPod(pod);
    const [a2, b2] = pod.spec!.containers;
    expect([a2 === a, b2 === b, Object.isFrozen(pod.spec!.containers), Object.isFrozen(b)]).toEqual([true, false, false, true]);
    expect([b!.resources, b2!.resources]).toEqual([{ limits: { cpu: '1' } }, { limits: { cpu: '1' }, requests: { cpu: '1' } }]);
    expect(Object.keys(b2!)).toEqual(Object.keys(b!));
  });

  it('copies a container whose ports need host ports on the host network', () => {
    const pod = podFromStoredTemplate([{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }], true);
    const [a] = pod.spec!.containers;
    setDefaultsPod(pod);
    expect([pod.spec!.containers[0] === a, pod.spec!.containers[0]!.ports, a!.ports]).toEqual([
      false,
      [{ containerPort: 80, protocol: 'TCP', hostPort: 80 }],
      [{ containerPort: 80, protocol: 'TCP' }],
    ]);
  });
});

describe('setDefaultsPodTemplateSpec', () => {
  it('defaults a template like a pod spec but neither copies limits into requests nor sets enableServiceLinks', () => {
    const template = { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' } } }] } };
    setDefaultsPodTemplateSpec(template);
    expect(template.spec.containers[0]!.resources).toEqual({ limits: { cpu: '1' } });
    expect(template.spec).not.toHaveProperty('enableServiceLinks');
    expect(template.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30 });
  });

  it('gives a volume without a source an emptyDir and projected modes 0644', () => {
    const template = {
      spec: {
        containers: [],
        volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'app' } }, { name: 'logs', hostPath: { path: '/var/log' } }],
      },
    };
    setDefaultsPodTemplateSpec(template);
    expect(template.spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'app', defaultMode: 420 } },
      { name: 'logs', hostPath: { path: '/var/log', type: '' } },
    ]);
  });
});

describe('setDefaultsContainer', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.9', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v1', 'IfNotPresent'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['Nginx', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('gives image %j the pull policy %s', (image, policy) => {
    const c: Container = { name: 'c', image };
    setDefaultsContainer(c);
    expect(c.imagePullPolicy).toBe(policy);
  });

  it('defaults probe timings, the HTTP path and scheme, the gRPC service and the port protocol', () => {
    const c: Container = {
      name: 'c',
      image: 'x',
      ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }],
      livenessProbe: { httpGet: { port: 8080 } },
      readinessProbe: { grpc: { port: 9555 }, periodSeconds: 15 },
      lifecycle: { preStop: { httpGet: { port: 80, path: '/quit' } } },
    };
    setDefaultsContainer(c);
    expect(c.ports).toEqual([{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80, protocol: 'TCP' }]);
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.readinessProbe).toEqual({ grpc: { port: 9555, service: '' }, periodSeconds: 15, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
    expect(c.lifecycle!.preStop!.httpGet).toEqual({ port: 80, path: '/quit', scheme: 'HTTP' });
  });
});

describe('imageTag', () => {
  it.each([
    ['busybox', 'latest'],
    ['busybox:1.28', '1.28'],
    ['gcr.io/google-samples/gb-frontend:v4', 'v4'],
    ['docker.io/library/nginx', 'latest'],
    ['nginx:bad tag', ''],
  ])('reads %j as tag %j', (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe('setDefaultsService', () => {
  it('defaults a ClusterIP service to single-stack IPv4 with targetPort = port', () => {
    const svc: Service = { metadata: { name: 's' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] } };
    setDefaultsService(svc);
    expect(svc.spec).toEqual({
      selector: { app: 'web' },
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 443, protocol: 'TCP', targetPort: 'https' },
      ],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
  });

  it('gives NodePort and LoadBalancer services externalTrafficPolicy Cluster and load balancers node ports', () => {
    const lb: Service = { metadata: { name: 's' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } };
    setDefaultsService(lb);
    expect(lb.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
    const np: Service = { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    setDefaultsService(np);
    expect(np.spec).toMatchObject({ externalTrafficPolicy: 'Cluster' });
    expect(np.spec).not.toHaveProperty('allocateLoadBalancerNodePorts');
  });

  it('gives ClientIP affinity a three-hour timeout', () => {
    const svc: Service = { metadata: { name: 's' }, spec: { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } };
    setDefaultsService(svc);
    expect(svc.spec!.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('copies clusterIP into clusterIPs and lets a selectorless headless service carry both families', () => {
    const svc: Service = { metadata: { name: 's' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } };
    setDefaultsService(svc);
    expect(svc.spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] });
  });

  it('leaves IP families and internal traffic policy off ExternalName services', () => {
    const svc: Service = { metadata: { name: 's' }, spec: { type: 'ExternalName', externalName: 'example.com' } };
    setDefaultsService(svc);
    expect(svc.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });
});

describe('other core kinds', () => {
  it('labels a namespace with its own name and makes it Active', () => {
    const ns: Namespace = { metadata: { name: 'team-a', labels: { env: 'dev' } } };
    setDefaultsNamespace(ns);
    expect(ns).toEqual({ metadata: { name: 'team-a', labels: { env: 'dev', 'kubernetes.io/metadata.name': 'team-a' } }, status: { phase: 'Active' } });
  });

  it('defaults a node allocatable to its capacity', () => {
    const node: Node = { metadata: { name: 'n' }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } } };
    setDefaultsNode(node);
    expect(node.status!.allocatable).toEqual({ cpu: '4', memory: '8Gi', pods: '110' });
  });

  it('defaults a replication controller selector and labels from its template, with 1 replica', () => {
    const rc: ReplicationController = {
      metadata: { name: 'nginx' },
      spec: { template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    setDefaultsReplicationController(rc);
    expect(rc.metadata!.labels).toEqual({ app: 'nginx' });
    expect(rc.spec).toMatchObject({ selector: { app: 'nginx' }, replicas: 1 });
    expect(rc.spec!.template!.spec).toMatchObject({ restartPolicy: 'Always' });
  });

  it('makes a secret Opaque and folds stringData into base64 data', () => {
    const secret: Secret = { metadata: { name: 's' }, data: { a: 'YQ==' }, stringData: { password: 'pässword' } };
    setDefaultsSecret(secret);
    expect(secret).toEqual({ metadata: { name: 's' }, type: 'Opaque', data: { a: 'YQ==', password: 'cMOkc3N3b3Jk' } });
  });
});
