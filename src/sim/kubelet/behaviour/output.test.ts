import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { programFor } from './program';

describe('what a script prints', () => {
  it.each([
    ['echo lines go to the log at the time they are printed', 'echo hello; sleep 2; echo bye', { lines: [{ at: 0, text: 'hello' }, { at: 2000, text: 'bye' }] }],
    ['a redirected echo writes a file, not the log', 'echo hidden > /tmp/x; echo shown', { lines: [{ at: 0, text: 'shown' }] }],
    ['a loop that prints and sleeps repeats its lines for ever', 'echo start; while true; do echo tick; sleep 5; done', { lines: [{ at: 0, text: 'start' }], cycle: { from: 0, period: 5000, lines: [{ at: 0, text: 'tick' }] } }],
  ])('%s', (_name, script, output) => {
    expect(programFor({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }).output).toEqual({ cycle: undefined, ...output });
  });

  it('kubectl logs shows a busybox pod’s echo lines, with their times', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.kubectl('run ticker --image=busybox:1.36 -- sh -c "while true; do echo tick; sleep 5; done"');
    cluster.advance(30_000);
    expect(cluster.kubectl('logs ticker --timestamps --tail=2').stdout).toBe('2026-01-01T09:00:21.658000000Z tick\n2026-01-01T09:00:26.658000000Z tick\n');
  });
});
