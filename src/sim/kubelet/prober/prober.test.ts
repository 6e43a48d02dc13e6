import { describe, expect, it } from 'vitest';
import type { Container, Probe } from 'kubernetes-types/core/v1';
import { grpcNotServing, httpConnectionRefused, httpStatusFailure, tcpConnectionRefused } from './probeOutput';
import { newRequestForHTTPGetAction, prepareProbe, recordProbeEvent, resolveContainerPort, type ProbeRun } from './prober';
import { FakeProbeTarget, fail, hang, newTestProber, succeed, testPod, type FakeAnswers } from './testing';
import type { HTTPGetRequest, ProbeType } from './types';

function container(probe: Probe, ports: Container['ports'] = [{ name: 'http', containerPort: 8080 }]): Container {
  return { name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', ports, livenessProbe: probe };
}

describe('resolveContainerPort', () => {
  const cases: Array<{ name: string; port: number | string; want: number | string }> = [
    { name: 'A numeric port is used as it is', port: 443, want: 443 },
    { name: 'A port name resolves to the containerPort of the container port with that name', port: 'http', want: 8080 },
    { name: 'A port name the container does not declare is an error', port: 'metrics', want: 'port "metrics" not found' },
    { name: 'A port number out of range is an error', port: 66666, want: 'invalid port number: 66666' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const resolve = () => resolveContainerPort(c.port, container({}));
      if (typeof c.want === 'number') expect(resolve()).toBe(c.want);
      else expect(resolve).toThrow(c.want);
    });
  }
});

describe('newRequestForHTTPGetAction', () => {
  it('A GET goes to the pod IP on the resolved port, with the user headers canonicalised and the kubelet defaults added', () => {
    const probe: Probe = { httpGet: { path: '/healthz', port: 'http', httpHeaders: [{ name: 'custom-header', value: 'Awesome' }] } };
    expect(newRequestForHTTPGetAction(probe.httpGet!, container(probe), '10.244.1.5')).toEqual({
      scheme: 'HTTP',
      host: '10.244.1.5',
      port: 8080,
      path: '/healthz',
      headers: [
        { name: 'Custom-Header', value: 'Awesome' },
        { name: 'User-Agent', value: 'kube-probe/1.35' },
        { name: 'Accept', value: '*/*' },
      ],
    });
  });

  it('An explicit host and HTTPS scheme are kept, and an empty Accept header removes Accept', () => {
    const probe: Probe = {
      httpGet: { host: 'example.com', scheme: 'HTTPS', path: '/', port: 443, httpHeaders: [{ name: 'Accept', value: '' }] },
    };
    expect(newRequestForHTTPGetAction(probe.httpGet!, container(probe), '10.244.1.5')).toEqual({
      scheme: 'HTTPS',
      host: 'example.com',
      port: 443,
      path: '/',
      headers: [{ name: 'User-Agent', value: 'kube-probe/1.35' }],
    });
  });
});

describe('prepareProbe (prober.runProbe) and recordProbeEvent', () => {
  const http: Probe = { httpGet: { path: '/healthz', port: 8080 } };
  const request = { scheme: 'HTTP' as const, host: '10.244.1.5', port: 8080, path: '/healthz', headers: [] };
  const cases: Array<{ name: string; type?: ProbeType; probe: Probe; answers: FakeAnswers; run: ProbeRun; event?: string }> = [
    {
      name: 'A passing exec probe is a success and records no event',
      probe: { exec: { command: ['cat', '/tmp/healthy'] } },
      answers: { exec: () => succeed() },
      run: { kind: 'result', result: 'Success', output: '', durationMs: 0 },
    },
    {
      name: 'A failing exec probe reports the command output',
      probe: { exec: { command: ['cat', '/tmp/healthy'] } },
      answers: { exec: () => fail("cat: can't open '/tmp/healthy': No such file or directory") },
      run: { kind: 'result', result: 'Failure', output: "cat: can't open '/tmp/healthy': No such file or directory", durationMs: 0 },
      event: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    },
    {
      name: 'An exec probe that times out fails after timeoutSeconds with the CRI timeout error',
      probe: { exec: { command: ['sh', '-c', 'sleep 5'] }, timeoutSeconds: 2 },
      answers: { exec: () => hang() },
      run: { kind: 'result', result: 'Failure', output: 'command "sh -c sleep 5" timed out', durationMs: 2000 },
      event: 'Liveness probe failed: command "sh -c sleep 5" timed out',
    },
    {
      name: 'An HTTP 500 is reported with its status code',
      probe: http,
      answers: { httpGet: () => fail(httpStatusFailure(500)) },
      run: { kind: 'result', result: 'Failure', output: 'HTTP probe failed with statuscode: 500', durationMs: 0 },
      event: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
    },
    {
      name: 'A readiness GET to a closed port reports the dial error',
      type: 'readiness',
      probe: http,
      answers: { httpGet: (r) => fail(httpConnectionRefused(r)) },
      run: { kind: 'result', result: 'Failure', output: httpConnectionRefused(request), durationMs: 0 },
      event: 'Readiness probe failed: Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused',
    },
    {
      name: 'A GET that outlives timeoutSeconds reports the client timeout',
      probe: http,
      answers: { httpGet: () => hang() },
      run: {
        kind: 'result',
        result: 'Failure',
        output: 'Get "http://10.244.1.5:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        durationMs: 1000,
      },
      event: 'Liveness probe failed: Get "http://10.244.1.5:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    },
    {
      name: 'A startup TCP probe to a closed port reports connection refused',
      type: 'startup',
      probe: { tcpSocket: { port: 'http' } },
      answers: { tcpSocket: (host, port) => fail(tcpConnectionRefused(host, port)) },
      run: { kind: 'result', result: 'Failure', output: 'dial tcp 10.244.1.5:8080: connect: connection refused', durationMs: 0 },
      event: 'Startup probe failed: dial tcp 10.244.1.5:8080: connect: connection refused',
    },
    {
      name: 'A TCP probe that nobody answers reports an i/o timeout',
      probe: { tcpSocket: { port: 8080 } },
      answers: { tcpSocket: () => hang() },
      run: { kind: 'result', result: 'Failure', output: 'dial tcp 10.244.1.5:8080: i/o timeout', durationMs: 1000 },
      event: 'Liveness probe failed: dial tcp 10.244.1.5:8080: i/o timeout',
    },
    {
      name: 'A gRPC health service that is not serving is a failure',
      probe: { grpc: { port: 9555, service: '' } },
      answers: { grpc: () => fail(grpcNotServing('NOT_SERVING')) },
      run: { kind: 'result', result: 'Failure', output: 'service unhealthy (responded with "NOT_SERVING")', durationMs: 0 },
      event: 'Liveness probe failed: service unhealthy (responded with "NOT_SERVING")',
    },
    {
      name: 'A gRPC probe whose dial never completes reports the connect timeout',
      probe: { grpc: { port: 9555 }, timeoutSeconds: 1 },
      answers: { grpc: () => hang() },
      run: {
        kind: 'result',
        result: 'Failure',
        output: 'timeout: failed to connect service "10.244.1.5:9555" within 1s: context deadline exceeded',
        durationMs: 1000,
      },
      event: 'Liveness probe failed: timeout: failed to connect service "10.244.1.5:9555" within 1s: context deadline exceeded',
    },
    {
      name: 'A port name the container does not declare makes the probe error without reaching the container',
      probe: { httpGet: { path: '/healthz', port: 'web' } },
      answers: {},
      run: { kind: 'error', error: 'port "web" not found', durationMs: 0 },
      event: 'Liveness probe errored and resulted in unknown state: port "web" not found',
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const { recorder, events } = newTestProber();
      const pod = testPod([container(c.probe)]);
      const target = new FakeProbeTarget(c.answers);
      const run = prepareProbe(c.probe, pod, pod.spec!.containers[0])(target, 5000);
      expect(run).toEqual(c.run);
      recordProbeEvent(recorder, 'node-1', c.type ?? 'liveness', pod, run);
      expect(events()).toEqual(c.event ? [`Warning Unhealthy kubelet/node-1 x1 0s-0s: ${c.event}`] : []);
      if (c.run.kind === 'error') expect(target.calls).toEqual([]);
    });
  }
});

describe('prepareProbe', () => {
  it('A prepared httpGet probe sends one frozen request, to the pod IP it was prepared with, on every run', () => {
    const probe: Probe = { httpGet: { path: '/healthz', port: 8080 } };
    const pod = testPod([container(probe)]);
    const seen: HTTPGetRequest[] = [];
    const target = new FakeProbeTarget({ httpGet: (request) => (seen.push(request), succeed()) });
    const prepared = prepareProbe(probe, pod, pod.spec!.containers[0]);
    expect([prepared(target, 5000), prepared(target, 15000)]).toEqual([
      { kind: 'result', result: 'Success', output: '', durationMs: 0 },
      { kind: 'result', result: 'Success', output: '', durationMs: 0 },
    ]);
    expect(target.calls).toEqual(['5s httpGet HTTP 10.244.1.5:8080/healthz', '15s httpGet HTTP 10.244.1.5:8080/healthz']);
    expect([seen[0] === seen[1], Object.isFrozen(seen[0]), Object.isFrozen(seen[0]!.headers)]).toEqual([true, true, true]);
  });

  it('A handler that throws gives an error run, as upstream discards a probe that came back with an error', () => {
    const probe: Probe = { tcpSocket: { port: 8080 } };
    const pod = testPod([container(probe)]);
    expect(prepareProbe(probe, pod, pod.spec!.containers[0])(new FakeProbeTarget({}), 0)).toEqual({
      kind: 'error',
      error: 'FakeProbeTarget: no tcpSocket answer configured',
      durationMs: 0,
    });
  });
});
