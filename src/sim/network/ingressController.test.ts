import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { controllerContextFor } from '../controllers/testing/controllerContext';
import { INGRESS_NGINX } from './ingressClass';
import { IngressNginxController } from './ingressController';
import { NetworkFixture, path } from './testing/fixture';
import type { IngressObject } from './types';

/** setup: namespace ingress-nginx, IngressClass nginx (k8s.io/ingress-nginx) and the controller running. */
function setup(opts: { defaultClass?: boolean } = {}) {
  const f = new NetworkFixture();
  f.namespace('ingress-nginx');
  f.ingressClass('nginx', 'k8s.io/ingress-nginx', opts.defaultClass);
  new IngressNginxController(controllerContextFor(f.cluster));
  let seen = 0;
  return {
    f,
    controllerPod(name: string, node: string, ready = true) {
      f.pod(name, { namespace: 'ingress-nginx', node, ip: `10.244.${node.slice(-1)}.20`, labels: { ...INGRESS_NGINX.podLabels }, ready });
    },
    webIngress(name = 'web', spec: IngressObject['spec'] = { ingressClassName: 'nginx' }) {
      f.ingress(name, { ...spec, rules: [{ host: 'foo.bar.com', http: { paths: [path('/', 'Prefix', 'web')] } }] });
    },
    /** writes returns the controller's narrated writes since the last call. */
    writes(): string[] {
      f.cluster.settle();
      const all = f.cluster.actions();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh.filter((a) => a.actor === 'ingress-nginx-controller').map((a) => `${a.verb} ${a.kind} ${a.namespace}/${a.name}: ${a.reason}`);
    },
    address(name = 'web'): unknown {
      return f.client.get<IngressObject>('Ingress', 'default', name)?.status?.loadBalancer?.ingress;
    },
    events(name = 'web'): string[] {
      return f.client
        .list<Event & KubeObject>('Event', { namespace: 'default' })
        .filter((e) => e.involvedObject.name === name)
        .map((e) => `${e.type} ${e.reason} ${e.source?.component}: ${e.message} (x${e.count})`);
    },
  };
}

describe('IngressNginxController: status.loadBalancer', () => {
  it('Without a load-balancer address, an Ingress gets the InternalIP of the node running the controller pod, then Sync twice', () => {
    const h = setup();
    h.controllerPod('ingress-nginx-controller-5c8d66c76d-x2x7b', 'node-2');
    h.webIngress();
    expect(h.writes()).toEqual([
      'updateStatus Ingress default/web: set the address of Ingress default/web to 172.18.0.4: the InternalIP of node node-2, where ready ingress controller pods run (Service ingress-nginx/ingress-nginx-controller has no load-balancer address)',
    ]);
    expect(h.address()).toEqual([{ ip: '172.18.0.4' }]);
    expect(h.events()).toEqual(['Normal Sync nginx-ingress-controller: Scheduled for sync (x2)']);
  });

  it('Controller pods on two nodes give both node addresses, in IP order', () => {
    const h = setup();
    h.controllerPod('ingress-nginx-controller-a', 'node-3');
    h.controllerPod('ingress-nginx-controller-b', 'node-1');
    h.webIngress();
    h.writes();
    expect(h.address()).toEqual([{ ip: '172.18.0.3' }, { ip: '172.18.0.5' }]);
  });

  it('The load-balancer IP of Service ingress-nginx/ingress-nginx-controller wins over node addresses, and replaces them when it appears', () => {
    const h = setup();
    h.controllerPod('ingress-nginx-controller-a', 'node-1');
    h.webIngress();
    h.writes();
    h.f.service('ingress-nginx-controller', {
      namespace: 'ingress-nginx',
      clusterIP: '10.96.0.100',
      ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 31080 }],
      spec: { type: 'LoadBalancer' },
      loadBalancerIP: '172.18.255.200',
    });
    expect(h.writes()).toEqual([
      'updateStatus Ingress default/web: set the address of Ingress default/web to 172.18.255.200: the load-balancer address of Service ingress-nginx/ingress-nginx-controller',
    ]);
    expect(h.events()).toEqual(['Normal Sync nginx-ingress-controller: Scheduled for sync (x3)']);
  });

  it('While no controller pod is ready nothing happens; when one becomes ready it syncs every Ingress it serves', () => {
    const h = setup();
    h.controllerPod('ingress-nginx-controller-a', 'node-1', false);
    h.webIngress();
    expect([h.writes(), h.address(), h.events()]).toEqual([[], undefined, []]);
    h.f.setStatus('Pod', 'ingress-nginx', 'ingress-nginx-controller-a', { phase: 'Running', podIP: '10.244.1.20', conditions: [{ type: 'Ready', status: 'True' }] });
    expect(h.writes().length).toBe(1);
    expect([h.address(), h.events()]).toEqual([[{ ip: '172.18.0.3' }], ['Normal Sync nginx-ingress-controller: Scheduled for sync (x2)']]);
  });

  it('A sync that finds the right address writes nothing', () => {
    const h = setup();
    h.controllerPod('ingress-nginx-controller-a', 'node-1');
    h.webIngress();
    h.writes();
    h.f.setStatus('Pod', 'ingress-nginx', 'ingress-nginx-controller-a', { phase: 'Running', podIP: '10.244.1.20', conditions: [{ type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }] });
    expect(h.writes()).toEqual([]);
  });
});

describe('IngressNginxController: which Ingresses it serves', () => {
  const cases: { name: string; spec: IngressObject['spec']; annotations?: Record<string, string>; defaultClass?: boolean; served: boolean }[] = [
    { name: 'An Ingress naming another class is left alone', spec: { ingressClassName: 'traefik' }, served: false },
    { name: 'An Ingress without a class is served when nginx is the default IngressClass', spec: {}, defaultClass: true, served: true },
    { name: 'An Ingress without a class is left alone when there is no default IngressClass', spec: {}, served: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = setup({ defaultClass: c.defaultClass });
      h.controllerPod('ingress-nginx-controller-a', 'node-1');
      h.webIngress('web', c.spec);
      h.writes();
      expect(h.address() !== undefined && (h.address() as unknown[]).length > 0).toBe(c.served);
    });
  }

  it('The legacy kubernetes.io/ingress.class: nginx annotation is honoured', () => {
    const h = setup();
    h.controllerPod('ingress-nginx-controller-a', 'node-1');
    h.f.client.create(
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'legacy', namespace: 'default', annotations: { 'kubernetes.io/ingress.class': 'nginx' } }, spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } },
      { actor: 'user', reason: 'test' },
    );
    h.writes();
    expect(h.address('legacy')).toEqual([{ ip: '172.18.0.3' }]);
  });
});
