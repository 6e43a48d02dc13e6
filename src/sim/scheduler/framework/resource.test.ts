import { describe, expect, it } from 'vitest';
import { Resource, newResource } from './resource';

describe('Resource.assign', () => {
  it('copies every amount and a copy of the scalar resources, as clone does into a new Resource', () => {
    const from = newResource({ cpu: '2', memory: '1Ki', 'ephemeral-storage': '10', pods: '110', 'example.com/gpu': '3' });
    const to = newResource({ cpu: '9', 'example.com/fpga': '1' });
    to.assign(from);
    expect([to.milliCPU, to.memory, to.ephemeralStorage, to.allowedPodNumber, [...to.scalarResources!]]).toEqual([2000, 1024, 10, 110, [['example.com/gpu', 3]]]);
    expect(to.scalarResources === from.scalarResources).toBe(false);
  });

  it('leaves no scalar resources when the source has none', () => {
    const to = newResource({ 'example.com/gpu': '1' });
    to.assign(new Resource());
    expect([to.milliCPU, to.scalarResources]).toEqual([0, undefined]);
  });
});
