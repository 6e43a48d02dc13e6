import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { podLifecycleMachine, type PodLifecycleEvent, type PodLifecycleInput } from './podLifecycleMachine';

/** run feeds events to a fresh pod machine and returns its final state and every intent it emitted. */
function run(input: PodLifecycleInput, events: PodLifecycleEvent[]) {
  const intents: string[] = [];
  const actor = createActor(podLifecycleMachine, { input });
  actor.on('*', (e) => intents.push('name' in e ? `${e.type} ${e.name}` : e.type));
  actor.start();
  for (const e of events) actor.send(e);
  return { state: actor.getSnapshot().value, intents };
}

const app = (restartPolicy: PodLifecycleInput['restartPolicy'], initContainers: string[] = []): PodLifecycleInput => ({
  restartPolicy,
  initContainers: initContainers.map((name) => ({ name, restartable: false })),
  containers: ['app'],
});
const started = (name: string): PodLifecycleEvent => ({ type: 'container.started', name });
const exited = (name: string, exitCode: number): PodLifecycleEvent => ({ type: 'container.exited', name, exitCode });

describe('podLifecycleMachine', () => {
  it.each<[string, PodLifecycleInput, PodLifecycleEvent[], { state: unknown; intents: string[] }]>([
    [
      'A pod creates its sandbox, then starts its containers.',
      app('Always'),
      [{ type: 'sandbox.ready' }, started('app')],
      { state: 'running', intents: ['intent.runPodSandbox', 'intent.startContainers'] },
    ],
    [
      'Init containers start one by one, each after the previous exited 0.',
      app('Always', ['init1', 'init2']),
      [{ type: 'sandbox.ready' }, started('init1'), exited('init1', 0), started('init2'), exited('init2', 0)],
      { state: 'running', intents: ['intent.runPodSandbox', 'intent.startInitContainer init1', 'intent.startInitContainer init2', 'intent.startContainers'] },
    ],
    [
      'A failed init container is restarted unless the policy is Never.',
      app('OnFailure', ['init1']),
      [{ type: 'sandbox.ready' }, started('init1'), exited('init1', 1)],
      { state: 'initializing', intents: ['intent.runPodSandbox', 'intent.startInitContainer init1', 'intent.restartContainer init1'] },
    ],
    [
      'A failed init container under Never completes the pod (Failed).',
      app('Never', ['init1']),
      [{ type: 'sandbox.ready' }, started('init1'), exited('init1', 1)],
      { state: 'completed', intents: ['intent.runPodSandbox', 'intent.startInitContainer init1', 'intent.stopPodSandbox'] },
    ],
    [
      'Under Always an app container that exits 0 is restarted.',
      app('Always'),
      [{ type: 'sandbox.ready' }, started('app'), exited('app', 0)],
      { state: 'running', intents: ['intent.runPodSandbox', 'intent.startContainers', 'intent.restartContainer app'] },
    ],
    [
      'Under OnFailure an app container that exits 0 completes the pod.',
      app('OnFailure'),
      [{ type: 'sandbox.ready' }, started('app'), exited('app', 0)],
      { state: 'completed', intents: ['intent.runPodSandbox', 'intent.startContainers', 'intent.stopPodSandbox'] },
    ],
    [
      'Deleting a running pod kills it; it is removed once nothing runs.',
      app('Always'),
      [{ type: 'sandbox.ready' }, started('app'), { type: 'pod.deleted' }, exited('app', 143)],
      { state: 'terminated', intents: ['intent.runPodSandbox', 'intent.startContainers', 'intent.killPod', 'intent.removePod'] },
    ],
    [
      'Deleting a pod with nothing running removes it at once.',
      app('Always'),
      [{ type: 'pod.deleted' }],
      { state: 'terminated', intents: ['intent.runPodSandbox', 'intent.killPod', 'intent.removePod'] },
    ],
    [
      'A second delete during termination issues the kill again (a shorter grace period).',
      app('Always'),
      [{ type: 'sandbox.ready' }, started('app'), { type: 'pod.deleted' }, { type: 'pod.deleted' }],
      { state: 'terminating', intents: ['intent.runPodSandbox', 'intent.startContainers', 'intent.killPod', 'intent.killPod'] },
    ],
  ])('%s', (_name, input, events, expected) => {
    expect(run(input, events)).toEqual(expected);
  });

  it('A started sidecar lets the next init container start, and it is restarted whenever it exits.', () => {
    const input: PodLifecycleInput = { restartPolicy: 'Never', initContainers: [{ name: 'proxy', restartable: true }, { name: 'setup', restartable: false }], containers: ['app'] };
    expect(run(input, [{ type: 'sandbox.ready' }, started('proxy'), started('setup'), exited('setup', 0), exited('proxy', 1)])).toEqual({
      state: 'running',
      intents: ['intent.runPodSandbox', 'intent.startInitContainer proxy', 'intent.startInitContainer setup', 'intent.startContainers', 'intent.restartContainer proxy'],
    });
  });
});
