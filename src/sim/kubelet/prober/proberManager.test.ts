import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { EVENT_TTL_SECONDS } from '../../kinds/core/event';
import { httpConnectionRefused, httpStatusFailure } from './probeOutput';
import { FakeProbeTarget, TEST_POD_IP, fail, hang, newTestProber, succeed, testPod, type FakeAnswers } from './testing';
import type { ProbeResult, ProbeType } from './types';

const MANIFESTS = new URL('../../../../../shared/manifests/', import.meta.url);
const NO_FILE = "cat: can't open '/tmp/healthy': No such file or directory";

/** corpusPod reads a Pod from the shared manifest corpus and gives it what the kubelet knows: a uid and an IP. */
function corpusPod(file: string): Pod {
  const pod = parse(readFileSync(new URL(file, MANIFESTS), 'utf8')) as Pod;
  return { ...pod, metadata: { ...pod.metadata, namespace: 'default', uid: 'uid-web' }, status: { phase: 'Running', podIP: TEST_POD_IP } };
}

function app(probes: Partial<Container>): Container {
  return { name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', ports: [{ name: 'http', containerPort: 8080 }], ...probes };
}

const s = (seconds: number): VirtualMs => seconds * 1000;

interface Scenario {
  name: string;
  pod: Pod;
  answers: FakeAnswers;
  /** Results to check on the way: at this time, this probe's cached result. */
  checks?: Array<{ at: VirtualMs; type: ProbeType; want: ProbeResult | undefined }>;
  until: VirtualMs;
  updates: string[];
  events: string[];
  calls: string[];
}

const refusedUntil25s = (r: Parameters<NonNullable<FakeAnswers['httpGet']>>[0], now: VirtualMs) =>
  now < s(25) ? fail(httpConnectionRefused(r)) : succeed('ok');

const scenarios: Scenario[] = [
  {
    name: 'The exec-liveness example probes every 5 s from 5 s, fails at 35, 40 and 45 s and reports liveness Failure once, at 45 s',
    pod: corpusPod('website__pods-probe-exec-liveness.yaml'),
    // `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy`: the file is there until the 30 s sleep is over.
    answers: { exec: (_, now) => (now <= s(30) ? succeed() : fail(NO_FILE)) },
    until: s(120),
    updates: ['0s liveness liveness Success', '45s liveness liveness Failure'],
    events: [`Warning Unhealthy kubelet/node-1 x3 35s-45s: Liveness probe failed: ${NO_FILE}`],
    calls: [5, 10, 15, 20, 25, 30, 35, 40, 45].map((t) => `${t}s exec cat /tmp/healthy`),
  },
  {
    name: 'The http-liveness example fails at 12, 15 and 18 s once the server answers 500 after 10 s, so liveness fails at 18 s',
    pod: corpusPod('website__pods-probe-http-liveness.yaml'),
    answers: { httpGet: (_, now) => (now < s(10) ? succeed('ok') : fail(httpStatusFailure(500))) },
    until: s(60),
    updates: ['0s liveness liveness Success', '18s liveness liveness Failure'],
    events: ['Warning Unhealthy kubelet/node-1 x3 12s-18s: Liveness probe failed: HTTP probe failed with statuscode: 500'],
    calls: [3, 6, 9, 12, 15, 18].map((t) => `${t}s httpGet HTTP ${TEST_POD_IP}:8080/healthz`),
  },
  {
    name: 'The tcp-liveness-readiness example is not ready until its first readiness probe at 15 s',
    pod: corpusPod('website__pods-probe-tcp-liveness-readiness.yaml'),
    answers: { tcpSocket: () => succeed() },
    checks: [
      { at: s(14.999), type: 'readiness', want: 'Failure' },
      { at: s(15), type: 'readiness', want: 'Success' },
      { at: s(15), type: 'liveness', want: 'Success' },
    ],
    until: s(40),
    updates: ['0s goproxy readiness Failure', '0s goproxy liveness Success', '15s goproxy readiness Success'],
    events: [],
    calls: [15, 15, 25, 25, 35, 35].map((t) => `${t}s tcpSocket ${TEST_POD_IP}:8080`),
  },
  {
    name: 'A readiness probe with successThreshold 2 turns Success at its second success in a row',
    pod: testPod([app({ readinessProbe: { httpGet: { path: '/ready', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 5, successThreshold: 2 } })]),
    answers: { httpGet: () => succeed('ok') },
    checks: [{ at: s(9), type: 'readiness', want: 'Failure' }],
    until: s(12),
    updates: ['0s app readiness Failure', '10s app readiness Success'],
    events: [],
    calls: [5, 10].map((t) => `${t}s httpGet HTTP ${TEST_POD_IP}:8080/ready`),
  },
  {
    name: 'A readiness probe turns Failure at its third failure and, unlike liveness, keeps probing',
    pod: testPod([app({ readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 } })]),
    answers: { httpGet: (_, now) => (now < s(20) ? succeed('ok') : fail(httpStatusFailure(503))) },
    until: s(36),
    updates: ['0s app readiness Failure', '0s app readiness Success', '30s app readiness Failure'],
    events: ['Warning Unhealthy kubelet/node-1 x4 20s-35s: Readiness probe failed: HTTP probe failed with statuscode: 503'],
    calls: [0, 5, 10, 15, 20, 25, 30, 35].map((t) => `${t}s httpGet HTTP ${TEST_POD_IP}:8080/ready`),
  },
  {
    name: 'Liveness waits for the startup probe: it first runs at 30 s, right after the startup probe succeeds',
    pod: testPod([
      app({
        startupProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, failureThreshold: 30 },
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
      }),
    ]),
    answers: { httpGet: refusedUntil25s },
    checks: [{ at: s(29), type: 'startup', want: 'Unknown' }],
    until: s(55),
    updates: ['0s app startup Unknown', '0s app liveness Success', '30s app startup Success'],
    events: [
      `Warning Unhealthy kubelet/node-1 x3 0s-20s: Startup probe failed: Get "http://${TEST_POD_IP}:8080/healthz": dial tcp ${TEST_POD_IP}:8080: connect: connection refused`,
    ],
    calls: [0, 10, 20, 30, 30, 40, 50].map((t) => `${t}s httpGet HTTP ${TEST_POD_IP}:8080/healthz`),
  },
  {
    name: 'A startup probe that fails failureThreshold times reports Failure once and then stops probing',
    pod: testPod([
      app({
        startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5, failureThreshold: 3 },
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } },
      }),
    ]),
    answers: { exec: () => fail("cat: can't open '/tmp/ready': No such file or directory") },
    until: s(60),
    updates: ['0s app startup Unknown', '0s app liveness Success', '10s app startup Failure'],
    events: ["Warning Unhealthy kubelet/node-1 x3 0s-10s: Startup probe failed: cat: can't open '/tmp/ready': No such file or directory"],
    calls: [0, 5, 10].map((t) => `${t}s exec cat /tmp/ready`),
  },
  {
    name: 'A port name resolves to the container port of that name',
    pod: testPod([app({ readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 10 } })]),
    answers: { tcpSocket: () => succeed() },
    until: s(5),
    updates: ['0s app readiness Failure', '0s app readiness Success'],
    events: [],
    calls: [`0s tcpSocket ${TEST_POD_IP}:8080`],
  },
  {
    name: 'A port name the container does not declare errors on every probe and never changes the result',
    pod: testPod([app({ readinessProbe: { httpGet: { path: '/ready', port: 'web' }, periodSeconds: 10 } })]),
    answers: {},
    until: s(25),
    updates: ['0s app readiness Failure'],
    events: ['Warning Unhealthy kubelet/node-1 x3 0s-20s: Readiness probe errored and resulted in unknown state: port "web" not found'],
    calls: [],
  },
  {
    name: 'A probe that times out fails timeoutSeconds after it started',
    pod: testPod([app({ livenessProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 2, periodSeconds: 10 } })]),
    answers: { tcpSocket: () => hang() },
    until: s(60),
    updates: ['0s app liveness Success', '22s app liveness Failure'],
    events: [`Warning Unhealthy kubelet/node-1 x3 2s-22s: Liveness probe failed: dial tcp ${TEST_POD_IP}:8080: i/o timeout`],
    calls: [0, 10, 20].map((t) => `${t}s tcpSocket ${TEST_POD_IP}:8080`),
  },
  {
    name: 'A probe that outlives its period is followed at once by the next one, as Go ticker buffers one tick',
    pod: testPod([app({ livenessProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 3, periodSeconds: 2 } })]),
    answers: { tcpSocket: () => hang() },
    until: s(30),
    updates: ['0s app liveness Success', '9s app liveness Failure'],
    events: [`Warning Unhealthy kubelet/node-1 x3 3s-9s: Liveness probe failed: dial tcp ${TEST_POD_IP}:8080: i/o timeout`],
    calls: [0, 3, 6].map((t) => `${t}s tcpSocket ${TEST_POD_IP}:8080`),
  },
];

describe('KubeletProberManager', () => {
  for (const c of scenarios) {
    it(c.name, () => {
      const { clock, manager, updates, events } = newTestProber();
      const target = new FakeProbeTarget(c.answers);
      const container = c.pod.spec!.containers[0];
      manager.addContainer(c.pod, container, 'containerd://1', 0, target);
      for (const check of c.checks ?? []) {
        clock.advanceTo(check.at);
        expect(manager.result('uid-web', container.name, check.type), `${check.type} at ${check.at} ms`).toBe(check.want);
      }
      clock.advanceTo(c.until);
      expect(updates()).toEqual(c.updates);
      expect(events()).toEqual(c.events);
      expect(target.calls).toEqual(c.calls);
    });
  }

  it('A new container id takes a worker off hold: results start over and probing resumes after the initial delay', () => {
    const { clock, manager, updates } = newTestProber();
    const container = app({ livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 1 } });
    const pod = testPod([container]);
    const first = new FakeProbeTarget({ exec: () => fail(NO_FILE) });
    manager.addContainer(pod, container, 'containerd://1', 0, first);
    clock.advanceTo(s(20));
    expect(manager.result('uid-web', 'app', 'liveness')).toBe('Failure');
    const second = new FakeProbeTarget({ exec: () => succeed() });
    manager.addContainer(pod, container, 'containerd://2', s(20), second);
    expect(manager.result('uid-web', 'app', 'liveness')).toBe('Success');
    clock.advanceTo(s(31));
    expect(updates()).toEqual(['0s app liveness Success', '5s app liveness Failure', '20s app liveness Success']);
    expect(first.calls).toEqual(['5s exec cat /tmp/healthy']);
    expect(second.calls).toEqual(['25s exec cat /tmp/healthy', '30s exec cat /tmp/healthy']);
  });

  it('A kubelet that restarts the container from inside the result listener gets a fresh worker cycle each time', () => {
    const { clock, manager, updates, events } = newTestProber();
    const pod = corpusPod('website__pods-probe-exec-liveness.yaml');
    const container = pod.spec!.containers[0];
    let restarts = 0;
    const start = (at: VirtualMs) =>
      manager.addContainer(pod, container, `containerd://${++restarts}`, at, new FakeProbeTarget({ exec: (_, now) => (now - at <= s(30) ? succeed() : fail(NO_FILE)) }));
    manager.onResult((u) => {
      if (u.type !== 'liveness' || u.result !== 'Failure') return;
      manager.removeContainer(u.podUid, u.containerName);
      start(clock.now());
    });
    start(0);
    clock.advanceTo(s(100));
    expect(updates()).toEqual([
      '0s liveness liveness Success',
      '45s liveness liveness Failure',
      '45s liveness liveness Success',
      '90s liveness liveness Failure',
      '90s liveness liveness Success',
    ]);
    expect(events()).toEqual([`Warning Unhealthy kubelet/node-1 x6 35s-90s: Liveness probe failed: ${NO_FILE}`]);
  });

  const removals: Array<{ name: string; remove: (m: ReturnType<typeof newTestProber>['manager']) => void }> = [
    { name: 'removeContainer stops every worker of the container, even one waiting out a timeout, and leaves no clock task but its Event\'s expiry', remove: (m) => m.removeContainer('uid-web', 'app') },
    { name: 'removePod stops every worker of the pod and leaves no clock task but its Event\'s expiry', remove: (m) => m.removePod('uid-web') },
  ];
  for (const c of removals) {
    it(c.name, () => {
      const { clock, manager, events } = newTestProber();
      const container = app({
        readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10 },
        livenessProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 5, periodSeconds: 10 },
      });
      const target = new FakeProbeTarget({ tcpSocket: (_, __, now) => (now < s(10) ? succeed() : hang()) });
      manager.addContainer(testPod([container]), container, 'containerd://1', 0, target);
      clock.advanceTo(s(12));
      c.remove(manager);
      // The only task left is the API server's: the Unhealthy Event of 11s expires an hour later (--event-ttl).
      expect(clock.nextAt()).toBe(s(11) + EVENT_TTL_SECONDS * 1000);
      expect(manager.activeWorkers()).toBe(0);
      expect(manager.result('uid-web', 'app', 'readiness')).toBeUndefined();
      clock.advanceTo(s(60));
      expect(target.calls).toEqual([0, 0, 10, 10].map((t) => `${t}s tcpSocket ${TEST_POD_IP}:8080`));
      expect(events()).toEqual([`Warning Unhealthy kubelet/node-1 x1 11s-11s: Readiness probe failed: dial tcp ${TEST_POD_IP}:8080: i/o timeout`]);
    });
  }

  it('stopLivenessAndStartup forgets liveness during termination while readiness keeps probing', () => {
    const { clock, manager } = newTestProber();
    const container = app({
      readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10 },
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 10 },
    });
    const target = new FakeProbeTarget({ tcpSocket: () => succeed(), exec: () => succeed() });
    manager.addContainer(testPod([container]), container, 'containerd://1', 0, target);
    clock.advanceTo(s(5));
    manager.stopLivenessAndStartup('uid-web');
    clock.advanceTo(s(25));
    expect(manager.result('uid-web', 'app', 'liveness')).toBeUndefined();
    expect(manager.result('uid-web', 'app', 'readiness')).toBe('Success');
    expect(manager.activeWorkers()).toBe(1);
    expect(target.calls).toEqual(['0s tcpSocket 10.244.1.5:8080', '0s exec cat /tmp/healthy', '10s tcpSocket 10.244.1.5:8080', '20s tcpSocket 10.244.1.5:8080']);
  });

  it('Adding the same container instance twice changes nothing, as StartProbes is idempotent', () => {
    const { clock, manager, updates } = newTestProber();
    const container = app({ readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10 } });
    const target = new FakeProbeTarget({ tcpSocket: () => succeed() });
    manager.addContainer(testPod([container]), container, 'containerd://1', 0, target);
    manager.addContainer(testPod([container]), container, 'containerd://1', 0, target);
    clock.advanceTo(s(15));
    expect(updates()).toEqual(['0s app readiness Failure', '0s app readiness Success']);
    expect(target.calls).toEqual(['0s tcpSocket 10.244.1.5:8080', '10s tcpSocket 10.244.1.5:8080']);
  });
});
