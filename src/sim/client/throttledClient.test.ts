import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/cluster';
import { TokenBucketRateLimiter } from './flowcontrol/tokenBucketRateLimiter';
import { ThrottledClient, asOneRequest } from './throttledClient';

const CTX = { actor: 'namespace-controller', reason: 'test' };

function setup() {
  const cluster = createCluster({ controllers: false, kubelets: false, nodes: [] });
  const limiter = new TokenBucketRateLimiter(cluster.clock, 20, 30);
  const client = new ThrottledClient(cluster.client, limiter);
  for (let i = 0; i < 40; i++) cluster.client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: 'default' } }, CTX);
  return { client, limiter };
}

describe('ThrottledClient (a controller clientset with client-go rate limits)', () => {
  it('every request takes a token: 40 deletes after a burst of 30 leave the next request waiting 550 ms', () => {
    const { client, limiter } = setup();
    for (let i = 0; i < 40; i++) client.delete('ConfigMap', 'default', `cm-${i}`, CTX);
    expect(limiter.delay()).toBe(550);
  });

  it('the deletes of one DeleteCollection request take one token between them', () => {
    const { client, limiter } = setup();
    asOneRequest(client, (server) => {
      for (const cm of server.list('ConfigMap', { namespace: 'default' })) server.delete('ConfigMap', 'default', cm.metadata.name ?? '', CTX);
    });
    expect([client.list('ConfigMap').length, limiter.delay()]).toEqual([0, 0]);
  });
});
