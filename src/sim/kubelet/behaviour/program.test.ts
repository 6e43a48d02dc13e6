import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { contentKey, programFor } from './program';

/** summary is what a test asserts about a Program: exit, server, SIGTERM handling. */
function summary(c: Partial<Container>) {
  const p = programFor({ name: 'c', ...c });
  return { exit: p.exit, server: p.server?.kind, sigterm: p.sigterm };
}

describe('programFor', () => {
  it.each<[string, Partial<Container>, ReturnType<typeof summary>]>([
    ['nginx with its default command is a server that exits 0 on SIGTERM.', { image: 'nginx:1.14.2' }, { exit: undefined, server: 'generic', sigterm: 0 }],
    ['An unknown image is a server killed by SIGTERM (143).', { image: 'ghcr.io/example/app:v1' }, { exit: undefined, server: 'generic', sigterm: 143 }],
    ['sleep 30 as the command exits 0 after 30 s and ignores SIGTERM as PID 1.', { image: 'busybox:1.36', command: ['sleep', '30'] }, { exit: { afterMs: 30_000, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['exit 1 exits at once with 1.', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }, { exit: { afterMs: 0, code: 1 }, server: undefined, sigterm: 'ignore' }],
    ['sleep 5; exit 1 exits after 5 s with 1.', { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 1'] }, { exit: { afterMs: 5_000, code: 1 }, server: undefined, sigterm: 'ignore' }],
    ['echo hi exits at once with 0.', { image: 'busybox:1.36', command: ['echo', 'hi'] }, { exit: { afterMs: 0, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['A while true loop runs for ever and serves nothing.', { image: 'busybox:1.36', args: ['/bin/sh', '-c', 'while true; do echo hi; sleep 10; done'] }, { exit: undefined, server: undefined, sigterm: 'ignore' }],
    ['busybox with its default command exits 0 at once (sh without a terminal).', { image: 'busybox' }, { exit: { afterMs: 0, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['The CronJob example prints the date and exits 0.', { image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }, { exit: { afterMs: 0, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['perl computing pi exits 0 after 5 s.', { image: 'perl', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(1000)'] }, { exit: { afterMs: 5_000, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['The liveness image running /server is the liveness server; Go exits 2 on SIGTERM.', { image: 'k8s.gcr.io/liveness', args: ['/server'] }, { exit: undefined, server: 'liveness', sigterm: 2 }],
    ['agnhost liveness is the liveness server too.', { image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'] }, { exit: undefined, server: 'liveness', sigterm: 2 }],
    ['agnhost with no arguments pauses.', { image: 'registry.k8s.io/e2e-test-images/agnhost:2.40' }, { exit: undefined, server: undefined, sigterm: 2 }],
    ['polinux/stress without a timeout runs for ever, serving nothing.', { image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }, { exit: undefined, server: undefined, sigterm: 'ignore' }],
    ['stress with --timeout exits 0 when it runs out.', { image: 'polinux/stress', command: ['stress', '--cpu', '1', '--timeout', '30s'] }, { exit: { afterMs: 30_000, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['The last command of a script becomes the server.', { image: 'python:3.12', command: ['sh', '-c', 'python manage.py migrate && gunicorn app'] }, { exit: undefined, server: 'generic', sigterm: 'ignore' }],
    ['A trap on TERM makes the script exit with its code.', { image: 'busybox:1.36', command: ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"] }, { exit: undefined, server: undefined, sigterm: 0 }],
    ['A script sh cannot parse exits with status 2.', { image: 'busybox:1.36', command: ['sh', '-c', 'echo "unterminated'] }, { exit: { afterMs: 0, code: 2 }, server: undefined, sigterm: 'ignore' }],
    ['wget in an init container takes a second and succeeds.', { image: 'busybox:1.28', command: ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'] }, { exit: { afterMs: 1_000, code: 0 }, server: undefined, sigterm: 'ignore' }],
    ['sleep infinity never exits.', { image: 'busybox:1.36', command: ['sleep', 'infinity'] }, { exit: undefined, server: undefined, sigterm: 'ignore' }],
  ])('%s', (_name, container, expected) => {
    expect(summary(container)).toEqual(expected);
  });

  it('The exec-liveness script has /tmp/healthy for 30 s, then not, and exits after 630 s.', () => {
    const p = programFor({ name: 'liveness', image: 'k8s.gcr.io/busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    expect([0, 29_999, 30_000, 100_000].map((t) => p.files.exists('/tmp/healthy', t))).toEqual([true, true, false, false]);
    expect(p.exit).toEqual({ afterMs: 630_000, code: 0 });
  });

  it('A loop that creates and removes a file repeats with its period.', () => {
    const p = programFor({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do touch /tmp/ready; sleep 5; rm /tmp/ready; sleep 5; done'] });
    expect([1_000, 6_000, 11_000, 16_000, 101_000, 106_000].map((t) => p.files.exists('/tmp/ready', t))).toEqual([true, false, true, false, true, false]);
  });

  it('Two pods of one template, each with its own copy of the container spec, share one Program.', () => {
    expect(programFor({ name: 'a', image: 'nginx:1.14.2' })).toBe(programFor({ name: 'b', image: 'nginx:1.14.2', command: [], args: [] }));
  });
});

describe('contentKey', () => {
  it.each<[string, Partial<Container>, string]>([
    ['The image default command is keyed by the image behind a NUL.', { image: 'nginx:1.14.2' }, '\u0000nginx:1.14.2'],
    ['Empty command and args are the image default too.', { image: 'nginx:1.14.2', command: [], args: [] }, '\u0000nginx:1.14.2'],
    ['A container without an image is keyed by the empty image.', {}, '\u0000'],
    ['A command is keyed by image, command and args as JSON.', { image: 'busybox', command: ['sleep', '30'] }, '["busybox",["sleep","30"],[]]'],
    ['Args alone are keyed as JSON too.', { image: 'busybox', args: ['sh'] }, '["busybox",[],["sh"]]'],
    ['An image spelled like a JSON key does not meet the key of a command.', { image: '["busybox",["sleep","30"],[]]' }, '\u0000["busybox",["sleep","30"],[]]'],
  ])('%s', (_name, container, key) => {
    expect(contentKey({ name: 'c', ...container })).toBe(key);
  });
});
