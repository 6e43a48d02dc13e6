import { describe, expect, it } from 'vitest';
import { withinRoom } from './progressiveRows';

const id = (s: string) => s;

describe('withinRoom', () => {
  it.each([
    { name: 'with nothing mounted, the newest items fill the room', items: ['a', 'b', 'c', 'd'], mounted: [], room: 2, want: ['c', 'd'] },
    { name: 'mounted items stay besides the room, in the items order', items: ['a', 'b', 'c', 'd', 'e'], mounted: ['a', 'b'], room: 2, want: ['a', 'b', 'd', 'e'] },
    { name: 'every item is picked once the room covers the unmounted ones', items: ['a', 'b', 'c'], mounted: ['b'], room: 5, want: ['a', 'b', 'c'] },
    { name: 'mounted items that left the list are not picked', items: ['c', 'd'], mounted: ['a', 'b', 'c'], room: 0, want: ['c'] },
  ])('$name', ({ items, mounted, room, want }) => expect(withinRoom(items, new Set(mounted), id, room)).toEqual(want));
});
