import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ContainerProcess } from './process';
import { programFor } from './program';
import { overridableTarget, ProbeOverrides } from './probeOverrides';

const IP = '10.244.1.5';
const start = (c: Container, at = 1_000) => new ContainerProcess(programFor(c), at, c);
const get = (port: number, path = '/') => ({ scheme: 'HTTP' as const, host: IP, port, path, headers: [] });

describe('ContainerProcess', () => {
  const execLiveness: Container = {
    name: 'liveness',
    image: 'k8s.gcr.io/busybox',
    args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
  };

  it.each([
    ['cat /tmp/healthy succeeds while the file exists.', 31_000, { result: 'success', output: '' }],
    ['cat /tmp/healthy fails in busybox wording once the file is gone.', 31_001, { result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory" }],
  ])('%s', (_name, now, expected) => {
    expect(start(execLiveness).exec(['cat', '/tmp/healthy'], now - 1)).toEqual(expected);
  });

  it('GNU userland words a missing file differently.', () => {
    const p = start({ name: 'c', image: 'nginx:1.14.2' });
    expect(p.exec(['cat', '/tmp/nope'], 2_000)).toEqual({ result: 'failure', output: 'cat: /tmp/nope: No such file or directory' });
  });

  it('An exec probe the model does not know succeeds.', () => {
    expect(start({ name: 'redis', image: 'redis:alpine' }).exec(['redis-cli', 'ping'], 2_000)).toEqual({ result: 'success', output: '' });
  });

  it.each([
    ['The liveness server answers /healthz with 200 during its first 10 s.', 11_000, { result: 'success', output: 'ok' }],
    ['The liveness server answers /healthz with 500 after 10 s.', 11_001, { result: 'failure', output: 'HTTP probe failed with statuscode: 500' }],
  ])('%s', (_name, now, expected) => {
    const p = start({ name: 'liveness', image: 'k8s.gcr.io/liveness', args: ['/server'], ports: [{ containerPort: 8080 }] });
    expect(p.httpGet(get(8080, '/healthz'), now)).toEqual(expected);
  });

  it('A server answers on a port only a probe targets.', () => {
    const p = start({ name: 'web', image: 'nginx:1.14.2', readinessProbe: { httpGet: { path: '/ready', port: 8081 } } });
    expect(p.httpGet(get(8081, '/ready'), 2_000)).toEqual({ result: 'success', output: '' });
  });

  it('A port nothing listens on refuses the connection, worded as Go dial errors are.', () => {
    const p = start({ name: 'sleeper', image: 'busybox:1.36', command: ['sleep', '3600'], ports: [{ containerPort: 8080 }] });
    expect(p.httpGet(get(8080, '/healthz'), 2_000)).toEqual({ result: 'failure', output: `Get "http://${IP}:8080/healthz": dial tcp ${IP}:8080: connect: connection refused` });
    expect(p.tcpSocket(IP, 8080, 2_000)).toEqual({ result: 'failure', output: `dial tcp ${IP}:8080: connect: connection refused` });
    expect(p.grpc(IP, 8080, undefined, 2_000)).toEqual({ result: 'failure', output: `timeout: failed to connect service "${IP}:8080" within 1s: context deadline exceeded` });
  });

  it('Named probe ports resolve through the container ports.', () => {
    const p = start({ name: 'web', image: 'redis:alpine', ports: [{ name: 'redis', containerPort: 6379 }], livenessProbe: { tcpSocket: { port: 'redis' } } });
    expect(p.tcpSocket(IP, 6379, 2_000)).toEqual({ result: 'success', output: '' });
  });
});

describe('warm-up', () => {
  it('A JVM server refuses connections until it has warmed up, then answers 200.', () => {
    const p = start({ name: 'app', image: 'springio/gs-spring-boot-docker', ports: [{ containerPort: 8080 }] }, 0);
    expect([p.serveHttp(8080, '/', 5_999), p.serveHttp(8080, '/', 6_000), p.tcpSocket(IP, 8080, 5_999).result]).toEqual([undefined, 200, 'failure']);
  });
});

describe('overridableTarget', () => {
  const c: Container = {
    name: 'web',
    image: 'nginx:1.14.2',
    ports: [{ containerPort: 80 }],
    livenessProbe: { httpGet: { path: '/healthz', port: 80 } },
    readinessProbe: { tcpSocket: { port: 80 } },
  };

  it('A liveness override makes the liveness endpoint fail and leaves readiness alone.', () => {
    const overrides = new ProbeOverrides();
    overrides.set('uid', 'web', 'liveness', 'fail');
    const target = overridableTarget(start(c), c, () => overrides.get('uid', 'web'));
    expect(target.httpGet(get(80, '/healthz'), 2_000)).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
    expect(target.tcpSocket(IP, 80, 2_000)).toEqual({ result: 'success', output: '' });
  });

  it('A pass override makes a failing exec probe succeed, and clearing it restores the real answer.', () => {
    const sleeper: Container = { name: 's', image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } };
    const overrides = new ProbeOverrides();
    overrides.set('uid', 's', 'liveness', 'pass');
    const target = overridableTarget(start(sleeper), sleeper, () => overrides.get('uid', 's'));
    expect(target.exec(['cat', '/tmp/healthy'], 2_000).result).toBe('success');
    overrides.set('uid', 's', 'liveness', undefined);
    expect(target.exec(['cat', '/tmp/healthy'], 2_000).result).toBe('failure');
    expect(overrides.get('uid', 's')).toBe(overrides.get('never-overridden', 's'));
  });
});
