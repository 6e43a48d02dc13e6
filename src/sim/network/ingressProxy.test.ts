import { describe, expect, it } from 'vitest';
import { InformerFactory } from '../client/informer';
import { INGRESS_NGINX } from './ingressClass';
import { IngressProxy, type IngressProxyResult } from './ingressProxy';
import { NetworkListers } from './listers';
import { backend, ingressCluster, path, type NetworkFixture } from './testing/fixture';

function proxyFor(f: NetworkFixture): IngressProxy {
  return new IngressProxy(new NetworkListers(new InformerFactory(f.client)), INGRESS_NGINX);
}

function outcome(r: IngressProxyResult): string {
  return r.kind === 'backend' ? `${r.endpoint.pod} ${r.endpoint.ip}:${r.endpoint.port}` : String(r.status);
}

describe('IngressProxy.route', () => {
  it('nginx balances round robin over the ready endpoints of the backend, skipping the not-ready one', () => {
    const proxy = proxyFor(ingressCluster());
    const results = Array.from({ length: 5 }, () => proxy.route('foo.bar.com', '/'));
    expect(results.map(outcome)).toEqual([
      'default/web-1 10.244.1.2:8080',
      'default/web-2 10.244.2.2:8080',
      'default/web-1 10.244.1.2:8080',
      'default/web-2 10.244.2.2:8080',
      'default/web-1 10.244.1.2:8080',
    ]);
    expect(results[1].detail).toBe(
      'host foo.bar.com path / matched Prefix / of Ingress default/web; nginx proxies to 10.244.2.2:8080 (pod default/web-2), next in round robin over the 2 ready endpoints of Service default/web',
    );
  });

  it('The balancer starts over when the endpoint set changes', () => {
    const f = ingressCluster();
    const proxy = proxyFor(f);
    proxy.route('foo.bar.com', '/');
    f.replaceSlice('web', [
      { ip: '10.244.1.2', node: 'node-1', pod: 'web-1' },
      { ip: '10.244.2.2', node: 'node-2', pod: 'web-2' },
      { ip: '10.244.3.2', node: 'node-3', pod: 'web-3' },
    ]);
    expect([1, 2, 3, 4].map(() => outcome(proxy.route('foo.bar.com', '/')))).toEqual([
      'default/web-1 10.244.1.2:8080',
      'default/web-2 10.244.2.2:8080',
      'default/web-3 10.244.3.2:8080',
      'default/web-1 10.244.1.2:8080',
    ]);
  });

  it('A request no rule matches gets the default backend: 404', () => {
    const r = proxyFor(ingressCluster()).route('nope.example', '/');
    expect([outcome(r), r.detail]).toEqual(['404', 'host nope.example path / matches no Ingress rule: the default backend answers 404 (default backend - 404)']);
  });

  it('A backend Service without ready endpoints gives 503', () => {
    const f = ingressCluster();
    f.service('sleepy', { clusterIP: '10.96.0.60' });
    f.slice('sleepy', [{ ip: '10.244.3.7', node: 'node-3', pod: 'sleepy-1', ready: false, serving: false }]);
    f.ingress('sleepy', { ingressClassName: 'nginx', rules: [{ host: 'sleepy.example', http: { paths: [path('/', 'Prefix', 'sleepy')] } }] });
    const r = proxyFor(f).route('sleepy.example', '/');
    expect([outcome(r), r.detail]).toEqual([
      '503',
      'host sleepy.example path / matched Prefix / of Ingress default/sleepy, but Service default/sleepy has no ready endpoints: nginx answers 503 Service Temporarily Unavailable',
    ]);
  });

  it('A backend Service that does not exist gives 503', () => {
    const f = ingressCluster();
    f.ingress('ghost', { ingressClassName: 'nginx', defaultBackend: backend('ghost', 80) });
    const r = proxyFor(f).route('anything.example', '/x');
    expect([outcome(r), r.detail]).toEqual([
      '503',
      'host anything.example path /x matched the defaultBackend of Ingress default/ghost, but Service default/ghost does not exist: nginx answers 503 Service Temporarily Unavailable',
    ]);
  });

  it('A backend port the Service does not have gives 503', () => {
    const f = ingressCluster();
    f.ingress('wrong-port', { ingressClassName: 'nginx', rules: [{ host: 'port.example', http: { paths: [path('/', 'Prefix', 'web', 9999)] } }] });
    expect(proxyFor(f).route('port.example', '/').detail).toBe(
      'host port.example path / matched Prefix / of Ingress default/wrong-port, but Service default/web has no port 9999: nginx answers 503 Service Temporarily Unavailable',
    );
  });

  it('Ingresses of another class are not routed', () => {
    const f = ingressCluster();
    f.ingressClass('traefik', 'traefik.io/ingress-controller');
    f.ingress('other', { ingressClassName: 'traefik', rules: [{ host: 'other.example', http: { paths: [path('/', 'Prefix', 'web')] } }] });
    expect(outcome(proxyFor(f).route('other.example', '/'))).toBe('404');
  });
});
