import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { KubeletHarness } from './testing/harness';

const nginx = (name: string): Pod => ({ metadata: { name }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] } });
const sleeper = (name: string, seconds: number): Pod => ({
  metadata: { name },
  spec: { containers: [{ name: 'sleeper', image: 'busybox:1.36', command: ['sh', '-c', `sleep ${seconds}`] }] },
});

describe('Kubelet', () => {
  it('Each node runs the pods bound to it, with its own host IP and pod CIDR.', () => {
    const h = new KubeletHarness();
    h.run(nginx('a'), 'node-1');
    h.run(nginx('b'), 'node-2');
    h.advanceTo(20);
    expect([h.pod('a')!.status!.hostIP, h.pod('a')!.status!.podIP]).toEqual(['172.18.0.2', '10.244.0.2']);
    expect([h.pod('b')!.status!.hostIP, h.pod('b')!.status!.podIP]).toEqual(['172.18.0.3', '10.244.1.2']);
    expect(h.cluster.actions().filter((a) => a.name === 'b' && a.verb === 'updateStatus').map((a) => a.actor)).toEqual(['kubelet/node-2', 'kubelet/node-2', 'kubelet/node-2']);
  });

  it('A killed kubelet writes nothing; restarted, it adopts its containers, restarts those that exited and finishes pending deletions.', () => {
    const h = new KubeletHarness();
    h.run(nginx('a'));
    h.run(sleeper('b', 60));
    h.advanceTo(20);
    const kubelet = h.kubelets.get('node-1')!;
    kubelet.kill();
    expect(kubelet.isAlive()).toBe(false);
    h.advanceTo(30);
    h.cluster.delete('Pod', 'default', 'a');
    h.advanceTo(100);
    expect(h.pod('a')!.metadata.deletionTimestamp).toBe('2026-01-01T09:01:00Z');
    expect(h.cluster.actions().filter((x) => x.actor === 'kubelet/node-1' && x.time > 20_000)).toEqual([]);
    kubelet.restart();
    h.advanceTo(130);
    expect(h.timeline('a')).toEqual(['0s Pending 0/1 0', '0s ContainerCreating 0/1 0', '6.209s Running 1/1 0', '30s Terminating 1/1 0', '100s Completed 0/1 0']);
    expect(h.pod('a')).toBeUndefined();
    expect(h.timeline('b')).toEqual(['0s Pending 0/1 0', '0s ContainerCreating 0/1 0', '6.969s Running 1/1 0', '100s Running 1/1 1']);
    expect(h.pod('b')!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: '2026-01-01T09:01:06Z' });
  });

  it('A force-deleted pod is stopped without any write about it.', () => {
    const h = new KubeletHarness();
    h.run(nginx('a'));
    h.advanceTo(10);
    h.cluster.delete('Pod', 'default', 'a', { gracePeriodSeconds: 0 });
    h.advanceTo(20);
    expect(h.events('a').at(-1)).toBe('10s Killing: Stopping container nginx');
    expect(h.cluster.actions().filter((x) => x.name === 'a' && x.time >= 10_000).map((x) => x.actor)).toEqual(['user']);
  });

  it('crashContainer makes the container exit with code 1; it restarts at once the first time.', () => {
    const h = new KubeletHarness();
    const pod = h.run(nginx('a'));
    h.advanceTo(10);
    expect(h.kubelets.get('node-1')!.crashContainer(pod.metadata.uid!, 'nginx')).toBe(true);
    h.advanceTo(11);
    expect(h.timeline('a').at(-1)).toBe('10s Running 1/1 1');
    expect(h.pod('a')!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(h.kubelets.get('node-1')!.crashContainer(pod.metadata.uid!, 'nope')).toBe(false);
  });

  it('A readiness override makes the pod unready after three failed probes, and lifting it makes it ready again.', () => {
    const h = new KubeletHarness();
    const pod = h.run({
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }] },
    });
    h.advanceTo(30);
    h.kubelets.get('node-1')!.setProbeOverride(pod.metadata.uid!, 'nginx', 'readiness', 'fail');
    h.advanceTo(70);
    h.kubelets.get('node-1')!.clearProbeOverrides(pod.metadata.uid!);
    h.advanceTo(90);
    expect(h.timeline('web')).toEqual(['0s Pending 0/1 0', '0s ContainerCreating 0/1 0', '6.209s Running 1/1 0', '56.209s Running 0/1 0', '76.209s Running 1/1 0']);
    expect(h.events('web').at(-1)).toBe('36s Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 500 (x4)');
  });

  it('slowImagePulls stretches the next pulls on that node.', () => {
    const h = new KubeletHarness();
    h.kubelets.get('node-1')!.slowImagePulls(4);
    h.run(nginx('a'));
    h.advanceTo(30);
    expect(h.events('a')[1]).toBe('21s Pulled: Successfully pulled image "nginx:1.14.2" in 20.836s (20.836s including waiting). Image size: 72531456 bytes.');
  });

  it('Without a prober, a container with a readiness probe never becomes ready.', () => {
    const h = new KubeletHarness({ prober: false });
    h.run({ metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', readinessProbe: { tcpSocket: { port: 80 } } }] } });
    h.advanceTo(60);
    expect(h.timeline('web').at(-1)).toBe('6.209s Running 0/1 0');
  });
});
