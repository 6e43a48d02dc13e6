import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { generateContainersReadyCondition, generatePodInitializedCondition, generatePodReadyCondition } from './generate';

const pod = (containers: string[], init: string[] = [], gates: string[] = []): Pod => ({
  spec: {
    containers: containers.map((name) => ({ name })),
    initContainers: init.map((name) => ({ name })),
    readinessGates: gates.map((conditionType) => ({ conditionType })),
  },
});
const running = (name: string, ready: boolean): ContainerStatus => ({ name, ready, image: '', imageID: '', restartCount: 0, state: { running: {} } });
const waiting = (name: string): ContainerStatus => ({ name, ready: false, image: '', imageID: '', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } });
const done = (name: string): ContainerStatus => ({ name, ready: true, image: '', imageID: '', restartCount: 0, state: { terminated: { exitCode: 0 } } });

describe('generateContainersReadyCondition', () => {
  it.each([
    ['All containers ready gives True.', pod(['a', 'b']), [running('a', true), running('b', true)], 'Running', { type: 'ContainersReady', status: 'True' }],
    ['An unready container is named in the message.', pod(['a', 'b']), [running('a', true), running('b', false)], 'Running', { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [b]' }],
    ['Unknown and unready containers are both listed.', pod(['a', 'b', 'c']), [running('b', false)], 'Pending', { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unknown status: [a c], containers with unready status: [b]' }],
    ['A succeeded pod reports PodCompleted.', pod(['a']), [done('a')], 'Succeeded', { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' }],
    ['A failed pod reports PodFailed.', pod(['a']), [running('a', true)], 'Failed', { type: 'ContainersReady', status: 'False', reason: 'PodFailed' }],
    ['No statuses at all is UnknownContainerStatuses.', pod(['a']), undefined, 'Pending', { type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' }],
  ])('%s', (_name, p, statuses, phase, expected) => {
    expect(generateContainersReadyCondition(p, statuses, phase)).toEqual(expected);
  });
});

describe('generatePodReadyCondition', () => {
  it('Ready copies ContainersReady while containers are not ready.', () => {
    expect(generatePodReadyCondition(pod(['a']), [], [running('a', false)], 'Running')).toEqual({
      type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [a]',
    });
  });

  it('A readiness gate without its condition keeps the pod unready.', () => {
    expect(generatePodReadyCondition(pod(['a'], [], ['example.com/lb']), [], [running('a', true)], 'Running')).toEqual({
      type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
    });
  });

  it('A readiness gate whose condition is True lets the pod be ready.', () => {
    const conditions = [{ type: 'example.com/lb', status: 'True' }];
    expect(generatePodReadyCondition(pod(['a'], [], ['example.com/lb']), conditions, [running('a', true)], 'Running')).toEqual({ type: 'Ready', status: 'True' });
  });
});

describe('generatePodInitializedCondition', () => {
  it.each([
    ['Init containers still to run are listed as incomplete.', [waiting('init1'), waiting('init2'), waiting('app')], 'Pending', { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init1 init2]' }],
    ['Once every init container completed the pod is initialized.', [done('init1'), done('init2'), waiting('app')], 'Pending', { type: 'Initialized', status: 'True' }],
    ['A succeeded pod reports PodCompleted.', [done('init1'), done('init2'), done('app')], 'Succeeded', { type: 'Initialized', status: 'True', reason: 'PodCompleted' }],
  ])('%s', (_name, statuses, phase, expected) => {
    expect(generatePodInitializedCondition(pod(['app'], ['init1', 'init2']), statuses, phase)).toEqual(expected);
  });
});
