import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock/virtualClock';
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS, UIDTrackingControllerExpectations } from './expectations';

// Mirrors pkg/controller/controller_utils_test.go TestControllerExpectations and TestUIDExpectations.
describe('ControllerExpectations', () => {
  it('Waits for every expected add and delete, and is satisfied once they are surpassed', () => {
    const clock = new VirtualClock();
    const e = new ControllerExpectations(clock);
    e.setExpectations('default/foobar', 10, 30);
    for (let i = 0; i < 11; i++) e.creationObserved('default/foobar');
    expect(e.satisfiedExpectations('default/foobar')).toBe(false);
    for (let i = 0; i < 31; i++) e.deletionObserved('default/foobar');
    expect(e.getExpectations('default/foobar')).toMatchObject({ add: -1, del: -1 });
    expect(e.satisfiedExpectations('default/foobar')).toBe(true);
  });

  it('Forgets expectations that are not met within the 5-minute timeout', () => {
    const clock = new VirtualClock();
    const e = new ControllerExpectations(clock);
    e.setExpectations('default/foobar', 1, 2);
    expect(e.satisfiedExpectations('default/foobar')).toBe(false);
    clock.advanceTo(EXPECTATIONS_TIMEOUT_MS);
    expect(e.satisfiedExpectations('default/foobar')).toBe(false);
    clock.advanceTo(EXPECTATIONS_TIMEOUT_MS + 1);
    expect(e.satisfiedExpectations('default/foobar')).toBe(true);
  });

  it('Is satisfied for a controller that never set expectations', () => {
    expect(new ControllerExpectations(new VirtualClock()).satisfiedExpectations('default/new')).toBe(true);
  });

  it('Ignores observations for a controller without expectations', () => {
    const e = new ControllerExpectations(new VirtualClock());
    e.creationObserved('default/none');
    expect(e.getExpectations('default/none')).toBeUndefined();
  });
});

describe('UIDTrackingControllerExpectations', () => {
  const cases = [
    { name: 'A controller deleting 2 pods waits for both', pods: ['default/pod0-rc-2', 'default/pod1-rc-2'] },
    { name: 'A controller deleting 1 pod waits for it', pods: ['default/pod0-rc-1'] },
    { name: 'A controller deleting 5 pods waits for all of them', pods: ['default/a', 'default/b', 'default/c', 'default/d', 'default/e'] },
  ];
  it.each(cases)('$name', ({ pods }) => {
    const e = new UIDTrackingControllerExpectations(new VirtualClock());
    e.expectDeletions('default/rc', pods);
    expect(e.satisfiedExpectations('default/rc')).toBe(false);
    for (const p of pods) e.deletionObserved('default/rc', p);
    expect(e.satisfiedExpectations('default/rc')).toBe(true);
    e.deleteExpectations('default/rc');
    expect(e.getUIDs('default/rc')).toBeUndefined();
  });

  it('Counts a graceful deletion once although it is observed twice', () => {
    const e = new UIDTrackingControllerExpectations(new VirtualClock());
    e.expectDeletions('default/rs', ['default/a', 'default/b']);
    e.deletionObserved('default/rs', 'default/a');
    e.deletionObserved('default/rs', 'default/a');
    expect(e.getExpectations('default/rs')).toMatchObject({ add: 0, del: 1 });
    expect(e.satisfiedExpectations('default/rs')).toBe(false);
  });

  it('Does not count the deletion of a pod it did not choose', () => {
    const e = new UIDTrackingControllerExpectations(new VirtualClock());
    e.expectDeletions('default/rs', ['default/a']);
    e.deletionObserved('default/rs', 'default/other');
    expect(e.getExpectations('default/rs')).toMatchObject({ del: 1 });
  });
});
