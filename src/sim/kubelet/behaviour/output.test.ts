import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { programFor } from './program';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('what a script prints', () => {
  it.each([
    ['echo lines go to the log at the time they are printed', 'echo hello; sleep 2; echo bye', { lines: [{ at: 0, text: 'hello' }, { at: 2000, text: 'bye' }] }],
    ['a redirected echo writes a file, not the log', 'echo hidden > /tmp/x; echo shown', { lines: [{ at: 0, text: 'shown' }] }],
    ['a loop that prints and sleeps repeats its lines for ever', 'echo start; while true; do echo tick; sleep 5; done', { lines: [{ at: 0, text: 'start' }], cycle: { from: 0, period: 5000, lines: [{ at: 0, text: 'tick' }] } }],
  ])('%s', (_name, script, output) => {
    expect(programFor({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }).output).toEqual({ cycle: undefined, ...output });
  });

  it('single quotes and backslashes keep a dollar sign literal; double quotes expand variables', () => {
    const script = `name=web; echo '$name'; echo "$name \\$name"`;
    expect(programFor({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }).output?.lines.map((l) => l.text)).toEqual(['$name', 'web $name']);
  });

  it('the docs’ counter pod logs a count and the date every second (Logging Architecture example)', () => {
    const cluster = createCluster({ seed: 1, nodes: [{ name: 'node-1' }] });
    cluster.apply(`apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox:1.28
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']
`);
    cluster.advance(20_000);
    expect(cluster.kubectl('logs counter --tail=3').stdout).toBe(text('16: Thu Jan  1 09:00:17 UTC 2026', '17: Thu Jan  1 09:00:18 UTC 2026', '18: Thu Jan  1 09:00:19 UTC 2026'));
  });

  it('kubectl logs shows a busybox pod’s echo lines, with their times', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.kubectl('run ticker --image=busybox:1.36 -- sh -c "while true; do echo tick; sleep 5; done"');
    cluster.advance(30_000);
    expect(cluster.kubectl('logs ticker --timestamps --tail=2').stdout).toBe('2026-01-01T09:00:21.658000000Z tick\n2026-01-01T09:00:26.658000000Z tick\n');
  });
});
