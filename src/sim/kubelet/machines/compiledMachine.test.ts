import { describe, expect, it } from 'vitest';
import { probeMachine } from '../prober/probeMachine';
import { compileMachine, mergeContext } from './compiledMachine';

describe('mergeContext', () => {
  it.each<[string, object, object, object, string[]]>([
    ['Replacing keys keeps their places and takes the new values.', { a: 1, b: 2, c: 3 }, { b: 5, a: 4 }, { a: 4, b: 5, c: 3 }, ['a', 'b', 'c']],
    ['New keys follow the old ones, in the order the assignment gives them.', { a: 1 }, { c: 3, b: 2 }, { a: 1, c: 3, b: 2 }, ['a', 'c', 'b']],
    ['A key set to undefined is kept as a key.', { a: 1, b: 2 }, { b: undefined }, { a: 1, b: undefined }, ['a', 'b']],
    ['An empty assignment copies the context.', { a: 1 }, {}, { a: 1 }, ['a']],
  ])('%s', (_name, context, partial, merged, keys) => {
    const before = { ...context };
    const result = mergeContext(context, partial);
    expect(result).toEqual(merged);
    expect(Object.keys(result)).toEqual(keys);
    expect([result !== context, context]).toEqual([true, before]);
  });
});

describe('compileMachine', () => {
  const { start } = compileMachine(probeMachine);
  const describeCandidates = (type: string) => start.leaf.candidates(type).map((c) => ({ guarded: c.guard !== undefined, to: c.leaf?.value, done: c.done, actions: c.actions.length }));

  it('Starting enters running.initialDelay, reporting the initial result, and is compiled once per machine.', () => {
    expect([start.leaf.value, start.actions.length, start.done]).toEqual([{ running: 'initialDelay' }, 1, false]);
    expect(compileMachine(probeMachine).start).toBe(start);
  });

  it('A tick from the initial delay has the guarded transition first, then the unguarded one, each with its target.', () => {
    expect(describeCandidates('probe.tick')).toEqual([
      { guarded: true, to: { running: { probing: 'idle' } }, done: false, actions: 0 },
      { guarded: false, to: { running: { probing: 'inFlight' } }, done: false, actions: 1 },
    ]);
  });

  it('Events handled by an ancestor come from it: a targetless transition stays, a final target ends the machine.', () => {
    expect(describeCandidates('container.started')).toEqual([{ guarded: false, to: undefined, done: false, actions: 1 }]);
    expect(describeCandidates('probe.stop')).toEqual([{ guarded: false, to: 'stopped', done: true, actions: 0 }]);
    expect(describeCandidates('no.such.event')).toEqual([]);
  });

  it('A leaf is one shared configuration: the same object from every transition, with a frozen state value.', () => {
    const idle = start.leaf.candidates('probe.tick')[0]!.leaf!;
    const fromInFlight = start.leaf.candidates('probe.tick')[1]!.leaf!.candidates('probe.errored')[0]!.leaf;
    expect([fromInFlight === idle, Object.isFrozen(idle.value), idle.path.map((n) => n.key)]).toEqual([true, true, ['probe', 'running', 'probing', 'idle']]);
  });
});
