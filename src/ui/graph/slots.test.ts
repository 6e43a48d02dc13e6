import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { NodeSlots } from './slots';

const pod = (name: string, phase = 'Running'): Pod => ({ metadata: { name }, status: { phase } });
const names = (slots: NodeSlots) => slots.pods().map((p) => p.metadata?.name);

describe('stable pod placement inside a node box', () => {
  it('new pods take slots in the order they join', () => {
    const slots = new NodeSlots();
    for (const name of ['a', 'b', 'c']) slots.join(name, pod(name));
    expect(names(slots)).toEqual(['a', 'b', 'c']);
  });

  it('a pod that leaves frees its slot without moving the others, and the next new pod fills the gap', () => {
    const slots = new NodeSlots();
    for (const name of ['a', 'b', 'c']) slots.join(name, pod(name));
    slots.leave('b');
    expect(names(slots)).toEqual(['a', 'c']);
    slots.join('d', pod('d'));
    slots.join('e', pod('e'));
    expect(names(slots)).toEqual(['a', 'd', 'c', 'e']);
    expect(slots.size).toBe(4);
  });

  it('a newer version of a pod stays in its slot', () => {
    const slots = new NodeSlots();
    for (const name of ['a', 'b']) slots.join(name, pod(name));
    slots.replace('a', pod('a', 'Failed'));
    expect(slots.pods().map((p) => `${p.metadata?.name} ${p.status?.phase}`)).toEqual(['a Failed', 'b Running']);
  });

  it('when the last slots empty, a newcomer starts again from the first free one', () => {
    const slots = new NodeSlots();
    for (const name of ['a', 'b', 'c']) slots.join(name, pod(name));
    slots.leave('c');
    slots.leave('a');
    slots.leave('x');
    slots.join('d', pod('d'));
    expect(names(slots)).toEqual(['d', 'b']);
  });
});
