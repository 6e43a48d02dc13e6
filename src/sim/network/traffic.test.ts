import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/random';
import { createNetwork, type Network } from './index';
import { ingressCluster, standardCluster, type NetworkFixture } from './testing/fixture';
import type { TrafficOptions } from './traffic';

function network(f: NetworkFixture, traffic?: TrafficOptions): Network {
  return createNetwork({ client: f.client, clock: f.cluster.clock, random: new SeededRandom(1), server: f.server, nodes: f.nodes, traffic });
}

const CLIENT = { kind: 'pod' as const, namespace: 'default', name: 'client' };

describe('TrafficGenerator: counts', () => {
  it('100 requests at 10/s from a pod to http://web/ over web-1, web-2 and the not-ready web-3 land 48 and 52, none on web-3', () => {
    const f = standardCluster();
    const net = network(f);
    net.traffic.start({ id: 'browse', source: CLIENT, url: 'http://web/', ratePerSecond: 10 });
    f.cluster.advance(10_000);
    const stats = net.traffic.stats();
    expect(stats).toEqual({
      flows: { browse: { total: 100, success: 100, errors: {}, ratePerSecond: 10 } },
      services: { 'default/web': { total: 100, success: 100, errors: {}, ratePerSecond: 10 } },
      pods: {
        'default/web-1': { total: 48, success: 48, errors: {}, ratePerSecond: 4.8 },
        'default/web-2': { total: 52, success: 52, errors: {}, ratePerSecond: 5.2 },
      },
    });
  });

  it('Through the Ingress, nginx round robin splits 100 requests exactly 50 and 50, all through the one controller pod', () => {
    const f = ingressCluster();
    const net = network(f);
    net.traffic.start({ id: 'shop', source: { kind: 'external' }, url: 'http://foo.bar.com/', ratePerSecond: 10 });
    f.cluster.advance(10_000);
    const { pods, services } = net.traffic.stats();
    expect([pods['default/web-1'].total, pods['default/web-2'].total, pods['ingress-nginx/ingress-nginx-controller-abc'].total, Object.keys(services)]).toEqual([
      50,
      50,
      100,
      ['ingress-nginx/ingress-nginx-controller', 'default/web'],
    ]);
  });

  it('Failed requests are counted by outcome', () => {
    const f = standardCluster();
    const net = network(f);
    net.traffic.start({ id: 'wrong-port', source: CLIENT, url: 'http://web:8080/', ratePerSecond: 2 });
    net.traffic.start({ id: 'typo', source: CLIENT, url: 'http://wbe/', ratePerSecond: 1 });
    f.cluster.advance(5_000);
    const { flows } = net.traffic.stats();
    expect(flows).toEqual({
      'wrong-port': { total: 10, success: 0, errors: { timeout: 10 }, ratePerSecond: 1 },
      typo: { total: 5, success: 0, errors: { NXDOMAIN: 5 }, ratePerSecond: 0.5 },
    });
  });

  it('When the pods stop being ready mid-flow, later requests are refused and counted so', () => {
    const f = standardCluster();
    const net = network(f);
    net.traffic.start({ id: 'browse', source: CLIENT, url: 'http://web/', ratePerSecond: 10 });
    f.cluster.advance(3_000);
    f.replaceSlice('web', [{ ip: '10.244.1.2', node: 'node-1', pod: 'web-1', ready: false, serving: false }]);
    f.cluster.advance(2_000);
    expect(net.traffic.stats().flows.browse).toEqual({ total: 50, success: 30, errors: { 'connection refused': 20 }, ratePerSecond: 5 });
  });

  it('requests/s covers the last 10 virtual seconds: 5 s after a 10/s flow stopped it reads 5', () => {
    const f = standardCluster();
    const net = network(f);
    net.traffic.start({ id: 'browse', source: CLIENT, url: 'http://web/', ratePerSecond: 10 });
    f.cluster.advance(10_000);
    net.traffic.stop('browse');
    f.cluster.advance(5_000);
    expect([net.traffic.stats().flows.browse.total, net.traffic.stats().flows.browse.ratePerSecond, net.traffic.flows()]).toEqual([100, 5, []]);
    f.cluster.advance(5_000);
    expect(net.traffic.stats().flows.browse.ratePerSecond).toBe(0);
  });
});

describe('TrafficGenerator: timing and samples', () => {
  it('Requests are evenly spaced in virtual time without drift: 3/s goes at 333, 667 and 1000 ms', () => {
    const f = standardCluster();
    const net = network(f);
    net.traffic.start({ id: 'slow', source: CLIENT, url: 'http://web/', ratePerSecond: 3 });
    f.cluster.advance(2_000);
    expect(net.traffic.samples().map((s) => s.time)).toEqual([333, 667, 1000, 1333, 1667, 2000]);
  });

  it('At most samplesPerSecond samples per flow per second are kept, newest last, within the ring capacity', () => {
    const f = standardCluster();
    const net = network(f, { samplesPerSecond: 2, sampleCapacity: 5 });
    net.traffic.start({ id: 'busy', source: CLIENT, url: 'http://web/', ratePerSecond: 100 });
    f.cluster.advance(3_000);
    // Seven requests are sampled (10 and 20 ms, 1000 and 1010, 2000 and 2010, 3000); the ring keeps the last five.
    expect(net.traffic.samples().map((s) => `${s.time} ${s.flowId} ${s.outcome.status} ${s.hops.length}`)).toEqual([
      '1000 busy 200 5',
      '1010 busy 200 5',
      '2000 busy 200 5',
      '2010 busy 200 5',
      '3000 busy 200 5',
    ]);
  });

  it('Starting a flow again under the same id replaces it', () => {
    const f = standardCluster();
    const net = network(f);
    net.traffic.start({ id: 'a', source: CLIENT, url: 'http://web/', ratePerSecond: 10 });
    f.cluster.advance(1_000);
    net.traffic.start({ id: 'a', source: CLIENT, url: 'http://web/', ratePerSecond: 1 });
    f.cluster.advance(2_000);
    expect([net.traffic.flows(), net.traffic.stats().flows.a.total]).toEqual([[{ id: 'a', source: CLIENT, url: 'http://web/', ratePerSecond: 1 }], 12]);
  });

  it('A flow without a positive rate, or with a URL that is not http, is refused', () => {
    const net = network(standardCluster());
    expect(() => net.traffic.start({ id: 'x', source: CLIENT, url: 'http://web/', ratePerSecond: 0 })).toThrow('flow x: ratePerSecond must be positive, got 0');
    expect(() => net.traffic.start({ id: 'y', source: CLIENT, url: 'ftp://web/', ratePerSecond: 1 })).toThrow('unsupported URL scheme ftp: in ftp://web/');
  });
});

describe('TrafficGenerator: quiet', () => {
  it('Traffic never writes to the API server and never keeps settle() busy', () => {
    const f = standardCluster();
    const net = network(f);
    const writes = f.cluster.actions().length;
    const objects = f.client.list('Event').length;
    net.traffic.start({ id: 'browse', source: CLIENT, url: 'http://web/', ratePerSecond: 50 });
    expect(f.cluster.clock.hasPendingWork()).toBe(false);
    f.cluster.settle();
    f.cluster.advance(5_000);
    expect([f.cluster.actions().length, f.client.list('Event').length, net.traffic.stats().flows.browse.total]).toEqual([writes, objects, 250]);
  });
});
