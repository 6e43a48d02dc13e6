import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

describe('kubectl port-forward as a traffic target', () => {
  it('reaches the pod through 127.0.0.1 while it runs, logs the connection, and refuses once it stops', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.apply(`apiVersion: v1
kind: Pod
metadata: { name: web }
spec: { containers: [{ name: nginx, image: nginx:1.27, ports: [{ containerPort: 80 }] }] }
`);
    cluster.advance(30_000);
    const forward = cluster.kubectl('port-forward pod/web 8080:80');
    expect(forward.stdout).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    const printed: string[] = [];
    const stop = forward.stream!.onEvent((o) => printed.push(o.stdout));
    const through = cluster.network.request({ kind: 'external' }, 'http://127.0.0.1:8080/');
    expect([through.outcome.status, through.hops.map((h) => `${h.kind} ${h.ref}`), printed]).toEqual([
      200,
      ['client External/203.0.113.10', 'kubelet Node//node-3', 'pod Pod/default/web'],
      ['Handling connection for 8080\n'],
    ]);
    expect(cluster.kubectl('port-forward pod/web 8080:80').stderr).toContain('bind: address already in use');
    stop();
    expect(cluster.network.request({ kind: 'external' }, 'http://127.0.0.1:8080/').outcome).toEqual({
      status: 'connection refused',
      detail: "nothing listens on 127.0.0.1:8080 on the client's machine: start kubectl port-forward first",
    });
    expect(cluster.kubectl('logs web --tail=1').stdout).toBe('127.0.0.1 - - [01/Jan/2026:09:00:30 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n');
  });
});
