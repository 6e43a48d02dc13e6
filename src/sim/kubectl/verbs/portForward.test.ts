import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import type { KubectlContext, KubectlOutput } from '../verb';
import { fixtureCluster } from './getFixture';
import { portForwardVerb, type PortForward, type PortForwardTarget } from './portForward';

/** A network that listens on each local port once and remembers who connects to what. */
function network() {
  const listening = new Map<number, { target: PortForwardTarget; remote: number; connect: () => void }>();
  const forward: PortForward = (target, local, remote, onConnection) => {
    if (listening.has(local)) return 'bind: address already in use';
    listening.set(local, { target, remote, connect: onConnection });
    return () => listening.delete(local);
  };
  return { forward, listening };
}

function setup(): { cluster: Cluster; ctx: KubectlContext; net: ReturnType<typeof network> } {
  const cluster = fixtureCluster();
  const net = network();
  return { cluster, ctx: { ...contextFor(cluster), extensions: { portForward: net.forward } }, net };
}

const run = (ctx: KubectlContext, line: string) => runKubectl(ctx, line, [portForwardVerb]);

describe('kubectl port-forward', () => {
  it.each([
    ['a Service port forwards to its targetPort in a pod', 'port-forward svc/web 8080:80', 'Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080\n'],
    ['a pod of a Deployment, one port the same on both sides', 'port-forward deploy/web 80', 'Forwarding from 127.0.0.1:80 -> 80\nForwarding from [::1]:80 -> 80\n'],
    ['an empty local port takes one the system picks', 'port-forward deploy/web :80', 'Forwarding from 127.0.0.1:35110 -> 80\nForwarding from [::1]:35110 -> 80\n'],
    ['--address listens where it says', 'port-forward deploy/web 8080:80 --address 0.0.0.0', 'Forwarding from 0.0.0.0:8080 -> 80\n'],
  ])('%s', (_, line, stdout) => {
    const { ctx } = setup();
    const result = run(ctx, line);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('streams a line per connection until it is stopped, then stops listening', () => {
    const { ctx, net } = setup();
    const result = run(ctx, 'port-forward svc/web 8080:80');
    const seen: KubectlOutput[] = [];
    const stop = result.stream!.onEvent((o) => seen.push(o));
    const forward = net.listening.get(8080)!;
    expect([forward.target.pod, forward.remote]).toEqual(['web-5894d768d8-dsxb6', 8080]);
    forward.connect();
    stop();
    expect(seen).toEqual([{ stdout: 'Handling connection for 8080\n', stderr: '' }]);
    expect(net.listening.size).toBe(0);
  });

  it('a local port in use cannot be listened on', () => {
    const { ctx } = setup();
    run(ctx, 'port-forward svc/web 8080:80');
    expect(run(ctx, 'port-forward svc/web 8080:80')).toEqual({
      stdout: '',
      stderr:
        'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{8080 8080}]\n',
      exitCode: 1,
    });
  });

  it.each([
    ['a missing pod', 'port-forward nope 80', 'Error from server (NotFound): pods "nope" not found\n'],
    ['a port the Service does not have', 'port-forward svc/web 81', 'error: Service web does not have a service port 81\n'],
    ['a named port the pod does not have', 'port-forward deploy/web 8080:http', "error: Pod 'web-5894d768d8-dsxb6' does not have a named port 'http'\n"],
    ['no port', 'port-forward svc/web', "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n"],
  ])('%s', (_, line, stderr) => {
    const { ctx } = setup();
    expect(run(ctx, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('a pod that is not running cannot be forwarded to', () => {
    const { cluster, ctx } = setup();
    cluster.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: fresh }\nspec:\n  containers: [{ name: app, image: nginx:1.29 }]\n');
    expect(run(ctx, 'port-forward fresh 80')).toEqual({ stdout: '', stderr: 'error: unable to forward port because pod is not running. Current status=Pending\n', exitCode: 1 });
  });

  it('without a network kubectl says forwarding is unavailable', () => {
    const { cluster } = setup();
    expect(runKubectl(contextFor(cluster), 'port-forward svc/web 8080:80', [portForwardVerb])).toEqual({
      stdout: '',
      stderr: 'error: port forwarding is not available: this cluster runs no network service\n',
      exitCode: 1,
    });
  });
});
