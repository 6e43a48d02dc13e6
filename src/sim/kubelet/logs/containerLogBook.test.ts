import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { createCluster, type Cluster } from '../../index';
import { kubeletTimestamp } from './wallClock';
import { ContainerLogBook, type LogLine } from './containerLogBook';
import { NO_OUTPUT, type ProgramOutput } from './programOutput';

// What the scripts below print, as the interpreter describes a script's output (the book is told, not the test).
const SCRIPTS: Record<string, ProgramOutput> = {
  ticker: { lines: [{ at: 0, text: 'start' }], cycle: { from: 0, period: 5_000, lines: [{ at: 0, text: 'tick' }] } },
  crasher: { lines: [{ at: 0, text: 'booting' }, { at: 2_000, text: 'giving up' }] },
};

const MANIFEST = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: nginx, image: nginx:1.27 }]
---
apiVersion: v1
kind: Pod
metadata: { name: ticker }
spec:
  containers: [{ name: ticker, image: busybox:1.36, command: ["sh", "-c", "echo start; while true; do echo tick; sleep 5; done"] }]
---
apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  containers: [{ name: crasher, image: busybox:1.36, command: ["sh", "-c", "echo booting; sleep 2; echo giving up; exit 1"] }]
`;

function setup(): { cluster: Cluster; book: ContainerLogBook; uid: (pod: string) => string } {
  const cluster = createCluster({ seed: 1 });
  const book = new ContainerLogBook({ client: cluster.client, clock: cluster.clock, outputOf: (c: Container) => SCRIPTS[c.name] ?? NO_OUTPUT });
  cluster.apply(MANIFEST);
  cluster.settle();
  return { cluster, book, uid: (pod) => cluster.get('Pod', 'default', pod)?.metadata.uid ?? '' };
}

const show = (lines: LogLine[]) => lines.map((l) => `${kubeletTimestamp(l.time)} ${l.text}`);

describe('ContainerLogBook keeps each container instance’s log', () => {
  it('an image’s banner is written when its container starts', () => {
    const { book, uid } = setup();
    const lines = book.lines(uid('web'), 'nginx', false);
    expect(lines).toHaveLength(19);
    expect(show(lines)[8]).toBe('2026-01-01T09:00:04.723000000Z /docker-entrypoint.sh: Configuration complete; ready for start up');
  });

  it('a loop’s lines accumulate as time passes', () => {
    const { cluster, book, uid } = setup();
    const before = book.lines(uid('ticker'), 'ticker', false).length;
    cluster.advance(10_000);
    expect(book.lines(uid('ticker'), 'ticker', false).length - before).toBe(2);
    expect(show(book.lines(uid('ticker'), 'ticker', false)).slice(0, 2)).toEqual(['2026-01-01T09:00:01.890000000Z start', '2026-01-01T09:00:01.890000000Z tick']);
  });

  it('a restarted container has a new log; the one before it is its previous', () => {
    const { cluster, book, uid } = setup();
    cluster.advance(15_000);
    expect(cluster.get<Pod & KubeObject>('Pod', 'default', 'crasher')?.status?.containerStatuses?.[0]?.restartCount).toBe(2);
    // The first run (09:00:01) is gone: the kubelet keeps one dead instance besides the newest.
    expect(show(book.lines(uid('crasher'), 'crasher', false))).toEqual(['2026-01-01T09:00:15.658000000Z booting', '2026-01-01T09:00:17.658000000Z giving up']);
    expect(show(book.lines(uid('crasher'), 'crasher', true))).toEqual(['2026-01-01T09:00:03.658000000Z booting', '2026-01-01T09:00:05.658000000Z giving up']);
  });

  it('a served request is written in the image’s access-log format', () => {
    const { cluster, book, uid } = setup();
    const request = { clientIP: '10.244.1.1', method: 'GET', path: '/', status: 200, bytes: 615, userAgent: 'curl/8.5.0' };
    book.recordRequest(uid('web'), 'nginx', request, cluster.now());
    expect(show(book.lines(uid('web'), 'nginx', false)).at(-1)).toBe(
      '2026-01-01T09:00:04.723000000Z 10.244.1.1 - - [01/Jan/2026:09:00:04 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"',
    );
  });

  it('a follower receives each new line when it is written, and nothing after unsubscribing', () => {
    const { cluster, book, uid } = setup();
    const seen: string[] = [];
    const stop = book.subscribe(uid('ticker'), 'ticker', (l) => seen.push(`${kubeletTimestamp(l.time)} ${l.text}`));
    cluster.advance(6_000);
    book.recordRequest(uid('ticker'), 'ticker', { clientIP: '10.244.0.1', method: 'GET', path: '/x', status: 404, bytes: 0, userAgent: 'curl/8.5.0' }, cluster.now());
    stop();
    cluster.advance(20_000);
    expect(seen).toEqual([
      '2026-01-01T09:00:06.890000000Z tick',
      '2026-01-01T09:00:10.723000000Z 10.244.0.1 - - [01/Jan/2026:09:00:10 +0000] "GET /x HTTP/1.1" 404 0',
    ]);
  });

  it('a follower’s stream ends with its container', () => {
    const { cluster, book, uid } = setup();
    const seen: string[] = [];
    // The second run started at 09:00:03.658 and exits at 09:00:05.658; the third, at 09:00:15.658, is not followed.
    book.subscribe(uid('crasher'), 'crasher', (l) => seen.push(l.text));
    cluster.advance(30_000);
    expect(seen).toEqual(['giving up']);
  });

  it('a deleted pod’s logs are gone', () => {
    const { cluster, book, uid } = setup();
    const id = uid('web');
    cluster.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(book.lines(id, 'nginx', false)).toEqual([]);
  });
});
