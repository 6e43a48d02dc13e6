import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../api/object';
import { SeededRandom } from '../clock/random';
import { VirtualClock } from '../clock/virtualClock';
import { DEFAULT_KINDS } from '../kinds';
import { KindRegistry } from '../kinds/registry';
import { namespaceLifecycle } from '../store/admission/namespaceLifecycle';
import { ServiceAllocation } from '../store/admission/serviceAllocation';
import { ObjectStore } from '../store/objectStore';
import { COREFILE, coreDNSConfigMap, coreDNSDeployment, ingressNginx, kubeDNSService, kubernetesService, networkAddons } from './addons';
import { bootstrap } from './bootstrap';

const KUBEADM = { actor: 'kubeadm', reason: 'test' };

/** created runs every add-on through an API server with namespaces and the Service allocator, as a cluster would. */
function created(): KubeObject[] {
  const random = new SeededRandom(1);
  const registry = new KindRegistry(DEFAULT_KINDS);
  const namespaced = (kind: string) => registry.forKind(kind)?.namespaced ?? false;
  const store = new ObjectStore({ clock: new VirtualClock(), random, registry, admission: [namespaceLifecycle(namespaced), new ServiceAllocation(random)] });
  bootstrap(store);
  return networkAddons().map((obj) => store.create(obj, KUBEADM));
}

describe('networkAddons: what kubeadm init leaves for networking', () => {
  it('lists the API server Service, CoreDNS in kubeadm’s order (ConfigMap, Deployment, Service), then ingress-nginx', () => {
    expect(networkAddons().map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
      'Service default/kubernetes',
      'ConfigMap kube-system/coredns',
      'Deployment kube-system/coredns',
      'Service kube-system/kube-dns',
      'Namespace /ingress-nginx',
      'Service ingress-nginx/ingress-nginx-controller',
      'Deployment ingress-nginx/ingress-nginx-controller',
      'IngressClass /nginx',
    ]);
  });

  it('every object is accepted by the API server, and the Services get kubeadm’s addresses and random node ports', () => {
    const services = created().filter((o) => o.kind === 'Service') as unknown as Service[];
    expect(services.map((s) => [s.metadata?.name, s.spec?.clusterIP, (s.spec?.ports ?? []).map((p) => p.nodePort ?? null)])).toEqual([
      ['kubernetes', '10.96.0.1', [null]],
      ['kube-dns', '10.96.0.10', [null, null, null]],
      ['ingress-nginx-controller', '10.96.25.178', [30638, 32710]],
    ]);
  });
});

describe('the default/kubernetes Service', () => {
  it('is the API server’s: 443/TCP named https to port 6443, labelled component=apiserver provider=kubernetes, with no selector', () => {
    const spec = (kubernetesService() as unknown as Service).spec;
    expect([kubernetesService().metadata.labels, spec?.ports, spec?.selector, spec?.type]).toEqual([
      { component: 'apiserver', provider: 'kubernetes' },
      [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      undefined,
      'ClusterIP',
    ]);
  });
});

describe('CoreDNS as kubeadm renders it', () => {
  const deployment = coreDNSDeployment() as unknown as Deployment;
  const pod = deployment.spec!.template.spec!;
  const container = pod.containers[0];

  it('the Corefile serves cluster.local with kubeadm’s plugins, caching without the cluster domain', () => {
    expect(coreDNSConfigMap().data).toEqual({ Corefile: COREFILE });
    expect(COREFILE.split('\n')).toEqual([
      '.:53 {',
      '    errors',
      '    health {',
      '       lameduck 5s',
      '    }',
      '    ready',
      '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
      '       pods insecure',
      '       fallthrough in-addr.arpa ip6.arpa',
      '       ttl 30',
      '    }',
      '    prometheus :9153',
      '    forward . /etc/resolv.conf {',
      '       max_concurrent 1000',
      '    }',
      '    cache 30 {',
      '       disable success cluster.local',
      '       disable denial cluster.local',
      '    }',
      '    loop',
      '    reload',
      '    loadbalance',
      '}',
      '',
    ]);
  });

  it.each([
    ['two replicas, replaced one at a time', [deployment.spec?.replicas, deployment.spec?.strategy], [2, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }]],
    ['the image of kubeadm v1.35', container.image, 'registry.k8s.io/coredns/coredns:v1.13.1'],
    ['system-cluster-critical priority and a Linux node', [pod.priorityClassName, pod.nodeSelector], ['system-cluster-critical', { 'kubernetes.io/os': 'linux' }]],
    ['tolerations for CriticalAddonsOnly and the control-plane taint', pod.tolerations, [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]],
    [
      'a preferred anti-affinity that spreads the replicas over hostnames',
      pod.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
      [{ weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } }],
    ],
    ['requests of 100m CPU and 70Mi memory, a 170Mi memory limit', container.resources, { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } }],
    ['DNS on 53/UDP and 53/TCP, metrics on 9153', container.ports?.slice(0, 3).map((p) => `${p.name} ${p.containerPort}/${p.protocol}`), ['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']],
    [
      'liveness on /health at 8080 and readiness on /ready at 8181, through named ports',
      [container.livenessProbe?.httpGet, container.livenessProbe?.initialDelaySeconds, container.readinessProbe?.httpGet, container.ports?.slice(3).map((p) => `${p.name} ${p.containerPort}`)],
      [{ path: '/health', port: 'liveness-probe', scheme: 'HTTP' }, 60, { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' }, ['liveness-probe 8080', 'readiness-probe 8181']],
    ],
    ['the node’s resolver (dnsPolicy Default), since it is the cluster’s DNS', pod.dnsPolicy, 'Default'],
  ])('The Deployment has %s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('the kube-dns Service sits on 10.96.0.10 with ports dns, dns-tcp and metrics, selecting k8s-app=kube-dns', () => {
    const svc = kubeDNSService() as unknown as Service;
    expect([svc.metadata?.labels, svc.spec?.clusterIP, svc.spec?.ports?.map((p) => `${p.name} ${p.port}/${p.protocol}`), svc.spec?.selector]).toEqual([
      { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      '10.96.0.10',
      ['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP'],
      { 'k8s-app': 'kube-dns' },
    ]);
  });
});

describe('ingress-nginx, cloud install', () => {
  const [namespace, service, deployment, ingressClass] = ingressNginx();
  const container = (deployment as unknown as Deployment).spec!.template.spec!.containers[0];

  it('the controller runs one replica of v1.12.1 with http 80, https 443 and /healthz on 10254', () => {
    expect([
      (deployment as unknown as Deployment).spec?.replicas,
      container.image,
      container.ports?.map((p) => `${p.name} ${p.containerPort}`),
      container.readinessProbe?.httpGet,
      container.livenessProbe?.httpGet,
    ]).toEqual([
      undefined,
      'registry.k8s.io/ingress-nginx/controller:v1.12.1@sha256:d2fbc4ec70d8aa2050dd91a91506e998765e86c96f32cffb56c503c9c34eed5b',
      ['http 80', 'https 443', 'webhook 8443'],
      { path: '/healthz', port: 10254, scheme: 'HTTP' },
      { path: '/healthz', port: 10254, scheme: 'HTTP' },
    ]);
  });

  it('the Service is a LoadBalancer (externalTrafficPolicy Local) with http 80 -> http and https 443 -> https, selecting the controller', () => {
    const spec = (service as unknown as Service).spec;
    expect([spec?.type, spec?.externalTrafficPolicy, spec?.ports?.map((p) => `${p.name} ${p.port}->${p.targetPort}`), spec?.selector]).toEqual([
      'LoadBalancer',
      'Local',
      ['http 80->http', 'https 443->https'],
      { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
    ]);
  });

  it('the namespace carries the chart’s name and instance labels, and the IngressClass nginx is the default class', () => {
    expect([namespace.metadata.labels, ingressClass.spec, ingressClass.metadata.annotations]).toEqual([
      { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      { controller: 'k8s.io/ingress-nginx' },
      { 'ingressclass.kubernetes.io/is-default-class': 'true' },
    ]);
  });
});
