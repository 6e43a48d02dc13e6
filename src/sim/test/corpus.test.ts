import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createCluster } from '../cluster/cluster';

const dir = new URL('../../../../shared/manifests/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** Files a real API server refuses (in a fresh cluster), with kubectl's exact message for the refused document. */
const REFUSED: Record<string, string> = {
  'website__pods-pod-with-node-affinity.yaml':
    'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
  'website__pods-resource-memory-request-limit.yaml': 'Error from server (NotFound): error when creating "STDIN": namespaces "mem-example" not found',
  'website__pods-resource-memory-request-limit-3.yaml': 'Error from server (NotFound): error when creating "STDIN": namespaces "mem-example" not found',
  'website__pods-resource-cpu-request-limit.yaml': 'Error from server (NotFound): error when creating "STDIN": namespaces "cpu-example" not found',
};

describe('the public manifest corpus (../shared/manifests)', () => {
  it('holds the 43 files its README lists', () => {
    expect(files).toHaveLength(43);
  });

  it.each(files)('%s applies as kubectl apply would in a fresh cluster', (file) => {
    const c = createCluster();
    const results = c.apply(readFileSync(new URL(file, dir), 'utf8'));
    expect(results.length).toBeGreaterThan(0);
    const failures = results.filter((r) => !r.ok).map((r) => r.message);
    expect(failures).toEqual(REFUSED[file] ? [REFUSED[file]] : []);
    for (const r of results.filter((r) => r.ok)) expect(r.message).toMatch(/^[a-z0-9.]+\/[a-z0-9.-]+ created$/);
  });

  it('the memory example applies once its namespace exists', () => {
    const c = createCluster();
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mem-example\n');
    const results = c.apply(readFileSync(new URL('website__pods-resource-memory-request-limit.yaml', dir), 'utf8'));
    expect(results.map((r) => r.message)).toEqual(['pod/memory-demo created']);
  });

  it('Sock Shop creates its namespace first and everything else inside it', () => {
    const c = createCluster();
    const results = c.apply(readFileSync(new URL('sock-shop__deploy-kubernetes-complete-demo.yaml', dir), 'utf8'));
    expect(results[0].message).toBe('namespace/sock-shop created');
    expect(results.filter((r) => r.ok)).toHaveLength(results.length);
    expect(c.list('Deployment', { namespace: 'sock-shop' })).toHaveLength(14);
    expect(c.list('Service', { namespace: 'sock-shop' })).toHaveLength(14);
  });

  it('Online Boutique creates 12 Deployments, 12 Services (13 with the API server’s default/kubernetes) and 11 ServiceAccounts', () => {
    const c = createCluster();
    c.apply(readFileSync(new URL('microservices-demo__release-kubernetes-manifests.yaml', dir), 'utf8'));
    expect([c.list('Deployment').length, c.list('Service').length, c.list('ServiceAccount').length]).toEqual([12, 13, 11]);
  });
});
