import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtualClock';

describe('VirtualClock', () => {
  const cases: { name: string; tasks: { at: number; late?: boolean; label: string }[]; want: string[] }[] = [
    {
      name: 'Tasks run in time order, then in the order they were scheduled',
      tasks: [
        { at: 5, label: 'b' },
        { at: 0, label: 'a' },
        { at: 5, label: 'c' },
      ],
      want: ['a@0', 'b@5', 'c@5'],
    },
    {
      name: 'A late task runs after every ordinary task due at the same instant, even ones scheduled after it',
      tasks: [
        { at: 0, late: true, label: 'sync' },
        { at: 0, label: 'write-1' },
        { at: 0, label: 'write-2' },
      ],
      want: ['write-1@0', 'write-2@0', 'sync@0'],
    },
    {
      name: 'A late task still runs before the ordinary tasks of a later instant',
      tasks: [
        { at: 1, label: 'later' },
        { at: 0, late: true, label: 'sync' },
      ],
      want: ['sync@0', 'later@1'],
    },
    {
      name: 'Late tasks of one instant keep the order they were scheduled in',
      tasks: [
        { at: 0, late: true, label: 'sync-1' },
        { at: 0, late: true, label: 'sync-2' },
        { at: 0, label: 'write' },
      ],
      want: ['write@0', 'sync-1@0', 'sync-2@0'],
    },
  ];
  it.each(cases)('$name', ({ tasks, want }) => {
    const clock = new VirtualClock();
    const ran: string[] = [];
    for (const t of tasks) clock.schedule(t.at, { owner: 'test', label: t.label, late: t.late, run: () => ran.push(`${t.label}@${clock.now()}`) });
    clock.advanceTo(10);
    expect(ran).toEqual(want);
  });

  it('An ordinary task scheduled by a late task at the same instant runs before the next late task', () => {
    const clock = new VirtualClock();
    const ran: string[] = [];
    clock.schedule(0, {
      owner: 'test',
      label: 'sync-1',
      late: true,
      run: () => {
        ran.push('sync-1');
        clock.schedule(0, { owner: 'test', label: 'write', run: () => ran.push('write') });
      },
    });
    clock.schedule(0, { owner: 'test', label: 'sync-2', late: true, run: () => ran.push('sync-2') });
    clock.advanceTo(0);
    expect(ran).toEqual(['sync-1', 'write', 'sync-2']);
  });
});
