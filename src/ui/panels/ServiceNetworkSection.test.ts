import { describe, expect, it } from 'vitest';
import { endpointState } from './ServiceNetworkSection';

const row = (ready: boolean, serving: boolean, terminating: boolean) => ({ pod: 'default/web-1', ip: '10.244.1.2', ready, serving, terminating, node: 'node-1' });

describe('endpoint state in words', () => {
  it.each([
    { name: 'a ready endpoint is ready', r: row(true, true, false), want: 'ready' },
    { name: 'an endpoint failing its readiness probe is not ready', r: row(false, false, false), want: 'not ready' },
    { name: 'a terminating pod still answering is terminating and serving', r: row(false, true, true), want: 'terminating, serving' },
    { name: 'a terminating pod that stopped answering is only terminating', r: row(false, false, true), want: 'terminating' },
    { name: 'an endpoint marked serving but not ready says both', r: row(false, true, false), want: 'serving, not ready' },
  ])('$name', ({ r, want }) => expect(endpointState(r)).toBe(want));
});
