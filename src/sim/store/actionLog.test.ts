import { describe, expect, it } from 'vitest';
import { ActionLog } from './actionLog';

const narrate = (log: ActionLog, count: number) => {
  for (let i = 0; i < count; i++) log.append({ time: i * 1000, actor: 'replicaset-controller', verb: 'create', kind: 'Pod', namespace: 'default', name: `web-${log.narrated() + 1}`, reason: 'created pod' });
};
const names = (actions: readonly { name: string }[]) => actions.map((a) => a.name);

describe('ActionLog', () => {
  it('numbers actions from 1 in the order they were narrated, and keeps them all until trimmed', () => {
    const log = new ActionLog();
    narrate(log, 3);
    expect(log.kept().map((a) => a.seq)).toEqual([1, 2, 3]);
    expect(log.narrated()).toBe(3);
  });

  const trims: { name: string; narrated: number; history: number; kept: number[] }[] = [
    { name: 'A log at most a fifth over the history keeps everything, so it is not copied on every write', narrated: 12, history: 10, kept: [1, 12] },
    { name: 'A log more than a fifth over the history keeps only the newest `history` actions', narrated: 13, history: 10, kept: [4, 13] },
    { name: 'A history of none lets every action go', narrated: 1, history: 0, kept: [] },
  ];
  for (const t of trims) {
    it(t.name, () => {
      const log = new ActionLog();
      narrate(log, t.narrated);
      log.trim(t.history);
      const seqs = log.kept().map((a) => a.seq);
      expect(seqs.length === 0 ? [] : [seqs[0], seqs.at(-1)]).toEqual(t.kept);
      expect(log.narrated()).toBe(t.narrated);
    });
  }

  it('numbers on from the count of all actions after older ones were let go, and `since` reads on from a count', () => {
    const log = new ActionLog();
    narrate(log, 13);
    log.trim(10);
    narrate(log, 2);
    expect(log.kept().at(-1)?.seq).toBe(15);
    expect(names(log.since(13))).toEqual(['web-14', 'web-15']);
    expect(names(log.since(2))).toEqual(names(log.kept()));
    expect(log.since(15)).toEqual([]);
  });
});
