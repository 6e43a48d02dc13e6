import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { containerMachine, type ContainerEvent } from './containerMachine';

function run(events: ContainerEvent[]) {
  const intents: string[] = [];
  const actor = createActor(containerMachine, { input: { name: 'app', image: 'busybox:1.36', waitingReason: 'ContainerCreating' } });
  actor.on('*', (e) => intents.push(e.type));
  actor.start();
  for (const e of events) actor.send(e);
  const { value, context } = actor.getSnapshot();
  return { value, state: context.state, lastState: context.lastState, restartCount: context.restartCount, intents };
}

const pulled: ContainerEvent = { type: 'image.pulled', image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:1' };
const startedEv = (id: string, at: string): ContainerEvent => ({ type: 'container.started', containerID: id, startedAt: at });
const exitedEv = (code: number, at: string): ContainerEvent => ({ type: 'container.exited', exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: 't0', finishedAt: at });

describe('containerMachine', () => {
  it('A new container waits as ContainerCreating.', () => {
    expect(run([])).toEqual({ value: 'waiting', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, restartCount: 0, intents: [] });
  });

  it('Pulling, creating and starting end in running.', () => {
    expect(run([{ type: 'container.start' }, pulled, startedEv('containerd://a', 't1')])).toEqual({
      value: 'running', state: { running: { startedAt: 't1' } }, lastState: {}, restartCount: 0,
      intents: ['intent.ensureImage', 'intent.createContainer', 'intent.containerStarted'],
    });
  });

  it('A failed pull shows ErrImagePull, then ImagePullBackOff.', () => {
    const r = run([{ type: 'container.start' }, { type: 'image.failed', reason: 'ErrImagePull', message: 'not found' }, { type: 'image.failed', reason: 'ImagePullBackOff', message: 'Back-off pulling image' }]);
    expect(r.value).toBe('waiting');
    expect(r.state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } });
    expect(r.intents).toEqual(['intent.ensureImage', 'intent.startFailed']);
  });

  it('A crash shows the terminated state, then CrashLoopBackOff with the crash as lastState, then a restart counts.', () => {
    const crash = [{ type: 'container.start' }, pulled, startedEv('containerd://a', 't1'), exitedEv(1, 't2')] as ContainerEvent[];
    const terminated = { terminated: { containerID: 'containerd://a', exitCode: 1, finishedAt: 't2', reason: 'Error', startedAt: 't0' } };
    expect(run(crash).state).toEqual(terminated);
    const backOff = run([...crash, { type: 'container.backOff', message: 'back-off 10s restarting failed container=app pod=p_ns(u)' }]);
    expect(backOff.state).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=app pod=p_ns(u)' } });
    expect(backOff.lastState).toEqual(terminated);
    const restarted = run([...crash, { type: 'container.backOff', message: 'm' }, { type: 'container.start' }, pulled, startedEv('containerd://b', 't3')]);
    expect(restarted).toMatchObject({ value: 'running', restartCount: 1, lastState: terminated, state: { running: { startedAt: 't3' } } });
  });

  it('A kill while running goes through stopping to terminated.', () => {
    const r = run([{ type: 'container.start' }, pulled, startedEv('containerd://a', 't1'), { type: 'container.kill', message: '', gracePeriodMs: 30_000 }, exitedEv(143, 't2')]);
    expect(r.value).toBe('terminated');
    expect(r.intents).toEqual(['intent.ensureImage', 'intent.createContainer', 'intent.containerStarted', 'intent.stopContainer', 'intent.containerExited']);
  });

  it('A kill while the image is still pulling cancels the start.', () => {
    expect(run([{ type: 'container.start' }, { type: 'container.kill', message: '', gracePeriodMs: 30_000 }, pulled]).value).toBe('cancelled');
  });

  it('Adopting a running instance after a kubelet restart reports it started with its restart count.', () => {
    const r = run([{ type: 'container.adopt', current: { containerID: 'containerd://x', image: 'i', imageID: 'd', restartCount: 3, state: { running: { startedAt: 't' } } } }]);
    expect(r).toMatchObject({ value: 'running', restartCount: 3, intents: ['intent.containerStarted'] });
  });
});
