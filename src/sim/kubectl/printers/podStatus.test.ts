import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podRow } from './podStatus';

const base = (status: Pod['status'], extra: Partial<Pod> = {}): Pod => ({
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'a' }, { name: 'b' }] },
  status,
  ...extra,
});

// Cases adapted from pkg/printers/internalversion/printers_test.go TestPrintPod.
describe('kubectl get pods READY / STATUS / RESTARTS', () => {
  it('a running pod with one ready container of two', () => {
    expect(podRow(base({ phase: 'Running', containerStatuses: [
      { name: 'a', ready: true, restartCount: 3, image: '', imageID: '', state: { running: {} } },
      { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { running: {} } },
    ] }))).toEqual({ ready: '1/2', status: 'Running', restarts: 3 });
  });

  it('a waiting reason wins, and the first container wins over the second', () => {
    expect(podRow(base({ phase: 'Running', containerStatuses: [
      { name: 'a', ready: false, restartCount: 4, image: '', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T09:01:00Z' } } },
      { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } },
    ] }))).toEqual({ ready: '0/2', status: 'CrashLoopBackOff', restarts: 4, lastRestartAt: '2026-01-01T09:01:00Z' });
  });

  it('a terminated container without a reason shows its exit code or signal', () => {
    expect(podRow(base({ phase: 'Running', containerStatuses: [
      { name: 'a', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 137, signal: 9 } } },
      { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 2 } } },
    ] })).status).toBe('Signal:9');
  });

  it('init containers show Init:i/n, then their waiting reason', () => {
    const pod: Pod = { metadata: { name: 'p' }, spec: { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] }, status: { phase: 'Pending', initContainerStatuses: [
      { name: 'i1', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'i2', ready: false, restartCount: 0, image: '', imageID: '', state: { running: {} } },
    ] } };
    expect(podRow(pod)).toEqual({ ready: '0/1', status: 'Init:1/2', restarts: 0 });
    pod.status!.initContainerStatuses![1].state = { waiting: { reason: 'CrashLoopBackOff' } };
    expect(podRow(pod).status).toBe('Init:CrashLoopBackOff');
  });

  it('a pod being deleted shows Terminating; a lost node shows Unknown', () => {
    const deleting = base({ phase: 'Running' }, { metadata: { name: 'p', deletionTimestamp: '2026-01-01T09:00:30Z' } });
    expect(podRow(deleting).status).toBe('Terminating');
    expect(podRow({ ...deleting, status: { phase: 'Running', reason: 'NodeLost' } }).status).toBe('Unknown');
  });

  it('once initialized, restarts of a finished init container no longer count, only sidecars and app containers', () => {
    const pod: Pod = {
      metadata: { name: 'p' },
      spec: { initContainers: [{ name: 'init' }, { name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'a' }] },
      status: {
        phase: 'Running',
        initContainerStatuses: [
          { name: 'init', ready: false, restartCount: 3, image: '', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T09:00:03Z' } } },
          { name: 'proxy', ready: true, started: true, restartCount: 1, image: '', imageID: '', state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T09:00:01Z' } } },
        ],
        containerStatuses: [{ name: 'a', ready: true, restartCount: 2, image: '', imageID: '', state: { running: {} } }],
      },
    };
    expect(podRow(pod)).toEqual({ ready: '2/2', status: 'Running', restarts: 3, lastRestartAt: '2026-01-01T09:00:01Z' });
  });

  it('a pending pod without statuses shows Pending 0/n', () => {
    expect(podRow(base({ phase: 'Pending' }))).toEqual({ ready: '0/2', status: 'Pending', restarts: 0 });
  });

  it('Completed with a container still running shows NotReady unless the pod is Ready', () => {
    const pod = base({ phase: 'Running', containerStatuses: [
      { name: 'a', ready: true, restartCount: 0, image: '', imageID: '', state: { running: {} } },
      { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ] });
    expect(podRow(pod).status).toBe('NotReady');
  });
});
