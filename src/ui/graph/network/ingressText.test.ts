import { describe, expect, it } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { backendServices, ingressAddress, ingressRoutes, routeLine } from './ingressText';

const ingress: Ingress = {
  metadata: { namespace: 'shop', name: 'front' },
  spec: {
    defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
    rules: [
      {
        host: 'foo.bar.com',
        http: {
          paths: [
            { path: '/app', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
          ],
        },
      },
      { http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
      { host: 'static.bar.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { kind: 'StorageBucket', name: 'assets' } } }] } },
    ],
  },
  status: { loadBalancer: { ingress: [{ ip: '172.18.0.3' }, { ip: '172.18.0.4' }] } },
};

describe('ingress text', () => {
  it('lists the default backend, then each rule’s paths, as kubectl describe does', () => {
    expect(ingressRoutes(ingress).map(routeLine)).toEqual([
      'default → fallback:80',
      'foo.bar.com/app → web:80',
      'foo.bar.com/api → api:http',
      '*/ → web:80',
      'static.bar.com/ → StorageBucket/assets',
    ]);
  });

  it('joins the published addresses like the ADDRESS column, and is empty before any', () => {
    expect(ingressAddress(ingress)).toBe('172.18.0.3,172.18.0.4');
    expect(ingressAddress({ metadata: { name: 'new' } })).toBe('');
  });

  it('names each backend Service once, in the Ingress’s namespace', () => {
    expect(backendServices(ingress)).toEqual(['shop/fallback', 'shop/web', 'shop/api']);
  });
});
