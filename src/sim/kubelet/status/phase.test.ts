import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { getPhase } from './phase';

const pod = (restartPolicy: string, init = false): Pod => ({
  spec: { restartPolicy, containers: [{ name: 'app' }], initContainers: init ? [{ name: 'init' }] : [] },
});
const s = (name: string, state: ContainerStatus['state'], lastState: ContainerStatus['lastState'] = {}): ContainerStatus => ({
  name, state, lastState, ready: false, image: '', imageID: '', restartCount: 0,
});
const terminated = (exitCode: number) => ({ terminated: { exitCode } });

describe('getPhase', () => {
  it.each<[string, Pod, ContainerStatus[], boolean, string]>([
    ['A container still waiting to start keeps the pod Pending.', pod('Always'), [s('app', { waiting: { reason: 'ContainerCreating' } })], false, 'Pending'],
    ['A running container makes the pod Running.', pod('Always'), [s('app', { running: {} })], false, 'Running'],
    ['An init container that has not completed keeps the pod Pending.', pod('Always', true), [s('init', { running: {} }), s('app', { waiting: { reason: 'PodInitializing' } })], false, 'Pending'],
    ['A failed init container with restartPolicy Never fails the pod.', pod('Never', true), [s('init', terminated(1)), s('app', { waiting: { reason: 'PodInitializing' } })], false, 'Failed'],
    ['A crashed container under Always keeps the pod Running while it restarts.', pod('Always'), [s('app', { waiting: { reason: 'CrashLoopBackOff' } }, terminated(1))], false, 'Running'],
    ['restartPolicy Never and exit 1 is Failed.', pod('Never'), [s('app', terminated(1))], false, 'Failed'],
    ['restartPolicy OnFailure and exit 0 is Succeeded.', pod('OnFailure'), [s('app', terminated(0))], false, 'Succeeded'],
    ['restartPolicy OnFailure and exit 1 is Running while it restarts.', pod('OnFailure'), [s('app', terminated(1))], false, 'Running'],
    ['A terminal pod whose containers all exited 0 is Succeeded, whatever the policy.', pod('Always'), [s('app', terminated(0))], true, 'Succeeded'],
    ['A terminal pod with a container killed by SIGKILL is Failed.', pod('Always'), [s('app', terminated(137))], true, 'Failed'],
  ])('%s', (_name, p, statuses, terminal, phase) => {
    expect(getPhase(p, statuses, terminal, false)).toBe(phase);
  });
});
