import { readFileSync } from 'node:fs';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KubeletHarness } from './testing/harness';

const manifest = (file: string): Pod => parse(readFileSync(`/work/shared/manifests/${file}`, 'utf8'));
const nginx = (name: string, image = 'nginx:1.14.2'): Pod => ({ metadata: { name }, spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] } });
const script = (name: string, command: string, restartPolicy = 'Always'): Pod => ({
  metadata: { name },
  spec: { restartPolicy, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', command] }] },
});
/** conditions renders a pod's conditions as `<type>=<status> <reason> <since>`, in API order. */
const conditions = (h: KubeletHarness, name: string) =>
  (h.pod(name)?.status?.conditions ?? []).map((c) => `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''} since ${c.lastTransitionTime?.slice(11, 19)}`);

describe('PodWorker', () => {
  it('A pod goes Pending, ContainerCreating, Running, with its conditions, events and narration in upstream wording.', () => {
    const h = new KubeletHarness();
    h.run(nginx('web'));
    h.advanceTo(3);
    expect(conditions(h, 'web')).toEqual([
      'PodReadyToStartContainers=True since 09:00:01',
      'Initialized=True since 09:00:00',
      'Ready=False ContainersNotReady since 09:00:00',
      'ContainersReady=False ContainersNotReady since 09:00:00',
      'PodScheduled=True since 09:00:00',
    ]);
    h.advanceTo(10);
    expect(h.timeline('web')).toEqual(['0s Pending 0/1 0', '0s ContainerCreating 0/1 0', '6.209s Running 1/1 0']);
    expect(conditions(h, 'web')).toEqual([
      'PodReadyToStartContainers=True since 09:00:01',
      'Initialized=True since 09:00:00',
      'Ready=True since 09:00:06',
      'ContainersReady=True since 09:00:06',
      'PodScheduled=True since 09:00:00',
    ]);
    expect(h.events('web')).toEqual([
      '1s Pulling: Pulling image "nginx:1.14.2"',
      '6s Pulled: Successfully pulled image "nginx:1.14.2" in 5.209s (5.209s including waiting). Image size: 72531456 bytes.',
      '6s Created: Created container: nginx',
      '6s Started: Started container nginx',
    ]);
    expect(h.actions('web')).toEqual([
      '0s updateStatus: pod web was admitted on node-1: creating its sandbox',
      '1s updateStatus: pod sandbox of web is ready: pod IP 10.244.0.2',
      '6.209s updateStatus: started container nginx of pod web',
    ]);
    const status = h.pod('web')!.status!;
    expect([status.phase, status.hostIP, status.podIP, status.startTime, status.qosClass]).toEqual(['Running', '172.18.0.2', '10.244.0.2', '2026-01-01T09:00:00Z', 'BestEffort']);
    expect(status.containerStatuses![0]).toMatchObject({
      image: 'docker.io/library/nginx:1.14.2',
      imageID: 'docker.io/library/nginx@sha256:e4c4a4f7980a4a0be5b2d6ce43e52ac4756d38da8ed53b323b5c36e73dbf1821',
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: '2026-01-01T09:00:06Z' } },
    });
    expect(status.containerStatuses![0]!.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });

  it('The second pod with the same image on the node skips the pull and gets the next IP.', () => {
    const h = new KubeletHarness();
    h.run(nginx('first'));
    h.advanceTo(10);
    h.run(nginx('second'));
    h.advanceTo(20);
    expect(h.events('second')).toEqual([
      '11s Pulled: Container image "nginx:1.14.2" already present on machine',
      '11s Created: Created container: nginx',
      '11s Started: Started container nginx',
    ]);
    expect(h.timeline('second')).toEqual(['10s Pending 0/1 0', '10s ContainerCreating 0/1 0', '11s Running 1/1 0']);
    expect([h.pod('first')!.status!.podIP, h.pod('second')!.status!.podIP]).toEqual(['10.244.0.2', '10.244.0.3']);
  });

  it('The exec liveness example restarts when /tmp/healthy is gone: killed 40 s after each start, SIGKILLed 30 s later, with back-off.', () => {
    const h = new KubeletHarness();
    h.run(manifest('website__pods-probe-exec-liveness.yaml'));
    h.advanceTo(250);
    expect(h.timeline('liveness-exec')).toEqual([
      '0s Pending 0/1 0',
      '0s ContainerCreating 0/1 0',
      '1.595s Running 1/1 0',
      '71.595s Error 0/1 0',
      '72.252s Running 1/1 1',
      '142.252s Error 0/1 1',
      '143.252s CrashLoopBackOff 0/1 1',
      '152.736s Running 1/1 2',
      '222.736s Error 0/1 2',
      '223.736s CrashLoopBackOff 0/1 2',
      '243.089s Running 1/1 3',
    ]);
    const uid = h.pod('liveness-exec')!.metadata.uid;
    // The kubelet's 26th event about the pod (the BackOff at 223 s) and the ones after it are dropped: client-go's
    // spam filter lets one component send 25 events about an object in a burst, then one per 5 minutes.
    expect(h.events('liveness-exec')).toEqual([
      '1s Pulling: Pulling image "k8s.gcr.io/busybox" (x3)',
      '1s Pulled: Successfully pulled image "k8s.gcr.io/busybox" in 595ms (595ms including waiting). Image size: 676121 bytes.',
      '1s Created: Created container: liveness (x3)',
      '1s Started: Started container liveness (x3)',
      "31s Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory (x9)",
      '41s Killing: Container liveness failed liveness probe, will be restarted (x3)',
      '72s Pulled: Successfully pulled image "k8s.gcr.io/busybox" in 657ms (657ms including waiting). Image size: 676121 bytes.',
      `142s BackOff: Back-off restarting failed container liveness in pod liveness-exec_default(${uid})`,
      '152s Pulled: Successfully pulled image "k8s.gcr.io/busybox" in 484ms (484ms including waiting). Image size: 676121 bytes.',
    ]);
    expect(h.pod('liveness-exec')!.status!.containerStatuses![0]!.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('A container running `sleep 5; exit 1` under Always waits 10, 20, 40, 80, 160 and 300 s between restarts.', () => {
    const h = new KubeletHarness();
    h.run(script('crash', 'sleep 5; exit 1'));
    h.advanceTo(700);
    const rows = h.timeline('crash');
    const time = (row: string) => Math.round(parseFloat(row) * 1000);
    const starts = rows.filter((r) => r.includes(' Running ')).map(time);
    // The first crash restarts at once, in the same instant, so only its restart count shows.
    expect(starts).toEqual([1_691, 6_691, 21_691, 46_691, 91_691, 176_691, 341_691, 646_691]);
    const exits = starts.map((s) => s + 5_000);
    expect(starts.slice(1).map((s, i) => s - exits[i]!)).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
    expect(rows.slice(3, 6)).toEqual(['6.691s Running 1/1 1', '11.691s Error 0/1 1', '12.691s CrashLoopBackOff 0/1 1']);
    const uid = h.pod('crash')!.metadata.uid;
    expect(h.pod('crash')!.status!.containerStatuses![0]!.state).toEqual({
      waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=app pod=crash_default(${uid})` },
    });
  });

  it.each([
    ['restartPolicy Never and exit 1 ends Failed, with the container terminated Error.', script('once', 'exit 1', 'Never'), 'Failed', { exitCode: 1, reason: 'Error' }, 'Ready=False PodFailed'],
    ['restartPolicy OnFailure and exit 0 ends Succeeded, with the container Completed.', script('once', 'echo done', 'OnFailure'), 'Succeeded', { exitCode: 0, reason: 'Completed' }, 'Ready=False PodCompleted'],
    ['restartPolicy Never and exit 0 ends Succeeded.', script('once', 'sleep 2', 'Never'), 'Succeeded', { exitCode: 0, reason: 'Completed' }, 'Ready=False PodCompleted'],
  ])('%s', (_name, pod, phase, terminated, ready) => {
    const h = new KubeletHarness();
    h.run(pod);
    h.advanceTo(60);
    const status = h.pod('once')!.status!;
    expect(status.phase).toBe(phase);
    expect(status.containerStatuses![0]!.state?.terminated).toMatchObject(terminated);
    expect(status.containerStatuses![0]!.restartCount).toBe(0);
    expect(conditions(h, 'once')[0]).toMatch(/^PodReadyToStartContainers=False/);
    expect(conditions(h, 'once')[2]).toMatch(new RegExp(`^${ready}`));
  });

  it('An image tag that does not exist shows ErrImagePull, then ImagePullBackOff, pulling again after 10, 20 and 40 s.', () => {
    const h = new KubeletHarness();
    h.run(nginx('bad', 'nginx:doesnotexist'));
    h.advanceTo(100);
    expect(h.timeline('bad')).toEqual([
      '0s Pending 0/1 0',
      '0s ContainerCreating 0/1 0',
      '1.552s ErrImagePull 0/1 0',
      '2.552s ImagePullBackOff 0/1 0',
      '12.035s ErrImagePull 0/1 0',
      '13.035s ImagePullBackOff 0/1 0',
      '32.635s ErrImagePull 0/1 0',
      '33.635s ImagePullBackOff 0/1 0',
      '73.388s ErrImagePull 0/1 0',
      '74.388s ImagePullBackOff 0/1 0',
    ]);
    const notFound =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
    expect(h.events('bad')).toEqual([
      '1s Pulling: Pulling image "nginx:doesnotexist" (x4)',
      `1s Failed: Failed to pull image "nginx:doesnotexist": ${notFound} (x4)`,
      '1s Failed: Error: ErrImagePull (x4)',
      '2s BackOff: Back-off pulling image "nginx:doesnotexist" (x4)',
      '2s Failed: Error: ImagePullBackOff (x4)',
    ]);
    expect(h.pod('bad')!.status!.containerStatuses![0]!.state).toEqual({
      waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${notFound}` },
    });
  });

  it('A graceful delete sends SIGTERM (143), SIGKILLs what ignores it after the 30 s grace period (137), then removes the pod.', () => {
    const h = new KubeletHarness();
    h.run({
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'app', image: 'ghcr.io/example/app:v1' }, { name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] },
    });
    h.advanceTo(20);
    const last: Pod[] = [];
    h.cluster.client.watch<Pod & KubeObject>('Pod', (e) => {
      if (e.type !== 'DELETED') last.push(e.object);
    });
    h.cluster.delete('Pod', 'default', 'web');
    h.advanceTo(60);
    expect(h.pod('web')).toBeUndefined();
    expect(h.events('web').filter((e) => e.includes('Killing'))).toEqual(['20s Killing: Stopping container app', '20s Killing: Stopping container sh']);
    expect(h.actions('web').slice(-3)).toEqual([
      '20s updateStatus: container app of pod web exited with code 143 (Error)',
      '50s updateStatus: pod web stopped: all its containers exited after the deletion',
      '50s delete: removed pod web: its containers stopped, so the kubelet confirms the deletion (grace period 0)',
    ]);
    const final = last.at(-1)!.status!;
    expect(final.phase).toBe('Failed');
    expect(final.containerStatuses!.map((s) => [s.name, s.state?.terminated?.exitCode, s.state?.terminated?.reason])).toEqual([
      ['app', 143, 'Error'],
      ['sh', 137, 'Error'],
    ]);
  });

  it('A preStop hook runs first and its time comes out of the grace period.', () => {
    const h = new KubeletHarness();
    h.run({
      metadata: { name: 'web' },
      spec: {
        terminationGracePeriodSeconds: 10,
        containers: [{ name: 'nginx', image: 'nginx:1.14.2', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 4'] } } } }],
      },
    });
    h.advanceTo(10);
    h.cluster.delete('Pod', 'default', 'web');
    h.advanceTo(13);
    expect(h.pod('web')).toBeDefined();
    h.advanceTo(15);
    expect(h.pod('web')).toBeUndefined();
    expect(h.actions('web').at(-1)).toBe('14s delete: removed pod web: its containers stopped, so the kubelet confirms the deletion (grace period 0)');
  });

  it('Init containers run one by one: Init:0/2, Init:1/2, PodInitializing, Running.', () => {
    const h = new KubeletHarness();
    h.run({
      metadata: { name: 'init' },
      spec: {
        initContainers: [
          { name: 'first', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 2'] },
          { name: 'second', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3'] },
        ],
        containers: [{ name: 'nginx', image: 'nginx' }],
      },
    });
    h.advanceTo(60);
    expect(h.timeline('init')).toEqual(['0s Pending 0/1 0', '0s Init:0/2 0/1 0', '3.599s Init:1/2 0/1 0', '6.599s PodInitializing 0/1 0', '10.173s Running 1/1 0']);
    expect(h.events('init').map((e) => e.replace(/ \(.*$/, ''))).toEqual([
      '1s Pulling: Pulling image "busybox:1.28"',
      '1s Pulled: Successfully pulled image "busybox:1.28" in 599ms',
      '1s Created: Created container: first',
      '1s Started: Started container first',
      '3s Pulled: Container image "busybox:1.28" already present on machine',
      '3s Created: Created container: second',
      '3s Started: Started container second',
      '6s Pulling: Pulling image "nginx"',
      '10s Pulled: Successfully pulled image "nginx" in 3.574s',
      '10s Created: Created container: nginx',
      '10s Started: Started container nginx',
    ]);
    expect(h.pod('init')!.status!.initContainerStatuses!.map((s) => [s.name, s.ready, s.state?.terminated?.reason])).toEqual([
      ['first', true, 'Completed'],
      ['second', true, 'Completed'],
    ]);
  });

  it('While an init container runs, the pod is not Initialized and names what is incomplete.', () => {
    const h = new KubeletHarness();
    h.run({
      metadata: { name: 'init' },
      spec: { initContainers: [{ name: 'wait', image: 'busybox:1.28', command: ['sleep', '600'] }], containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    h.advanceTo(30);
    expect(h.pod('init')!.status!.conditions!.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [wait]',
    });
    expect(h.pod('init')!.status!.containerStatuses![0]!.state).toEqual({ waiting: { reason: 'PodInitializing' } });
  });

  it('A readiness probe keeps the pod Running but unready until it first succeeds.', () => {
    const h = new KubeletHarness();
    h.run(manifest('website__pods-probe-tcp-liveness-readiness.yaml'));
    h.advanceTo(60);
    expect(h.timeline('goproxy')).toEqual(['0s Pending 0/1 0', '0s ContainerCreating 0/1 0', '1.714s Running 0/1 0', '16.714s Running 1/1 0']);
    expect(h.actions('goproxy').at(-1)).toBe('16.714s updateStatus: readiness probe of container goproxy in pod goproxy: Success');
  });

  it('A hostNetwork pod takes the node IP as its pod IP.', () => {
    const h = new KubeletHarness();
    h.run({ metadata: { name: 'host' }, spec: { hostNetwork: true, containers: [{ name: 'nginx', image: 'nginx:1.14.2' }] } });
    h.advanceTo(10);
    expect([h.pod('host')!.status!.podIP, h.pod('host')!.status!.hostIP]).toEqual(['172.18.0.2', '172.18.0.2']);
  });

  it('Deleting a pod whose image never came ends it Failed and removes it at once: nothing was running.', () => {
    const h = new KubeletHarness();
    h.run(nginx('bad', 'nginx:doesnotexist'));
    h.advanceTo(5);
    const last: Pod[] = [];
    h.cluster.client.watch<Pod & KubeObject>('Pod', (e) => {
      if (e.type !== 'DELETED') last.push(e.object);
    });
    h.cluster.delete('Pod', 'default', 'bad');
    h.advanceTo(6);
    expect(h.pod('bad')).toBeUndefined();
    expect(last.at(-1)!.status!.phase).toBe('Failed');
    expect(h.actions('bad').at(-1)).toBe('5s delete: removed pod bad: its containers stopped, so the kubelet confirms the deletion (grace period 0)');
  });
});
