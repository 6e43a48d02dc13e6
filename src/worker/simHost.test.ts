import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { WorkerMessage } from './protocol';
import { PROTOCOL_VERSION } from './protocol';
import { parseText, textAt } from './packedTexts';
import { POST_EVERY_TICKS, SimHost, TICK_MS, tickBudgetMs, type Ticker } from './simHost';

/**
 * A ticker the test advances by hand, instead of the browser's setInterval. Its wall clock moves `msPerLook` each
 * time it is read, standing in for the work done between two reads; 0 is a machine fast enough for any speed.
 */
function manualTicker(msPerLook = 0) {
  let tick: (() => void) | undefined;
  let wall = 0;
  const ticker: Ticker = {
    start(_every, fn) {
      tick = fn;
      return () => (tick = undefined);
    },
    now: () => (wall += msPerLook),
  };
  return { ticker, tick: (n = 1) => Array.from({ length: n }, () => tick?.()), running: () => tick !== undefined };
}

function host(msPerLook = 0, budgetMs?: number) {
  const posted: WorkerMessage[] = [];
  const t = manualTicker(msPerLook);
  const h = new SimHost((m) => posted.push(m), t.ticker, budgetMs);
  return { h, posted, t };
}

describe('the worker host', () => {
  it('answers hello with the whole cluster once, tagged with the protocol version', () => {
    const { h, posted } = host();
    h.handle({ type: 'hello', version: PROTOCOL_VERSION });
    const ready = posted.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.version).toBe(PROTOCOL_VERSION);
    expect(ready?.type === 'ready' && ready.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });

  it('while playing, each tick advances virtual time by 100 ms times the speed, and every third tick posts one batch of what changed', () => {
    const { h, posted, t } = host();
    h.handle({ type: 'apply', id: 1, yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.14.2\n' });
    posted.length = 0;
    const batches = () => posted.filter((m) => m.type === 'batch') as Array<Extract<WorkerMessage, { type: 'batch' }>>;
    const postedAfter: number[] = [];
    for (let tick = 1; tick <= 10; tick++) {
      const before = batches().length;
      t.tick();
      if (batches().length > before) postedAfter.push(tick);
    }
    expect(POST_EVERY_TICKS).toBe(3);
    expect(postedAfter).toEqual([3, 6, 9]);
    // The first carries the pod's changes of three ticks, merged: its latest version only. Each carries the clock,
    // whether or not anything changed.
    expect(batches()[0].keys.filter((k) => k === 'Pod/default/p')).toEqual(['Pod/default/p']);
    expect(batches().map((b) => b.time)).toEqual([300, 600, 900]);
  });

  it('a tick stops once its 50 ms of wall time are spent, and the status then says how fast time really runs', () => {
    // Each look at the wall clock costs 10 ms: a tick reads it once for its deadline, once before each 100 ms
    // slice (four fit before the deadline, the fifth look ends it) and once to record its pace, 70 ms in all.
    const { h, posted, t } = host(10);
    h.handle({ type: 'setSpeed', speed: 100 });
    t.tick(41);
    const statuses = posted.filter((m) => m.type === 'status');
    // 400 virtual ms per 70 wall ms: 5.7x instead of 100x, reported once the two-second window is full.
    expect(statuses.at(-1)).toEqual({ type: 'status', playing: true, speed: 100, keptSpeed: 5.7 });
    h.handle({ type: 'setSpeed', speed: 2 });
    expect(posted.filter((m) => m.type === 'status').at(-1)).toEqual({ type: 'status', playing: true, speed: 2 });
  });

  it('on two cores a tick spends 18 ms: one 100 ms slice fits, and time keeps 2.5x', () => {
    // Looks at 10, 20 and 30 ms: the deadline is 28, so the second look ends the tick after one slice; the pace is
    // recorded at 40 ms. 100 virtual ms per 40 wall ms, once the meter has seen its 2 s window.
    const { h, posted, t } = host(10, tickBudgetMs(2));
    h.handle({ type: 'setSpeed', speed: 100 });
    t.tick(52);
    expect(posted.filter((m) => m.type === 'status').at(-1)).toEqual({ type: 'status', playing: true, speed: 100, keptSpeed: 2.5 });
  });

  it.each([
    { cores: 1, want: 18 },
    { cores: 2, want: 18 },
    { cores: 4, want: 50 },
    { cores: 16, want: 50 },
  ])('with $cores logical processors a tick may spend $want ms', ({ cores, want }) => expect(tickBudgetMs(cores)).toBe(want));

  it('leaves the nodes\' Leases out of what it mirrors, while kubectl in the worker still lists them', () => {
    const { h, posted, t } = host();
    h.handle({ type: 'hello', version: PROTOCOL_VERSION });
    h.handle({ type: 'setSpeed', speed: 10 });
    t.tick(12);
    const ready = posted.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.objects.filter((o) => o.kind === 'Lease')).toEqual([]);
    // Twelve ticks at 10x are 12 s: every kubelet renewed its Lease, and the batches carry none of them.
    const batches = posted.filter((m) => m.type === 'batch');
    expect(batches.flatMap((b) => (b.type === 'batch' ? b.keys : [])).filter((k) => k.startsWith('Lease/'))).toEqual([]);
    expect(batches.at(-1)?.type === 'batch' && batches.at(-1)!.time).toBe(12_000);
    h.handle({ type: 'kubectl', id: 1, line: 'kubectl get leases -n kube-node-lease', files: {} });
    const reply = posted.find((m) => m.type === 'kubectl');
    expect(reply?.type === 'kubectl' && reply.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'NAME HOLDER',
      'control-plane control-plane',
      'node-1 node-1',
      'node-2 node-2',
      'node-3 node-3',
    ]);
  });

  it('an apply answers with kubectl results, then the created object arrives in a batch', () => {
    const { h, posted } = host();
    h.handle({ type: 'apply', id: 7, yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' });
    const applied = posted.find((m) => m.type === 'applied');
    expect(applied).toEqual({ type: 'applied', id: 7, results: [expect.objectContaining({ ok: true, message: 'configmap/settings created' })] });
    const batch = posted.find((m) => m.type === 'batch');
    expect(batch?.type === 'batch' && batch.keys).toContain('ConfigMap/default/settings');
    expect(batch?.type === 'batch' && parseText<{ metadata: { name: string } }>(textAt(batch.upserted, batch.keys.indexOf('ConfigMap/default/settings'))).metadata.name).toBe('settings');
  });

  it('pause stops the ticker; step performs one action and reports it', () => {
    const { h, posted, t } = host();
    h.handle({ type: 'pause' });
    expect(t.running()).toBe(false);
    h.handle({ type: 'apply', id: 1, yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.14.2\n' });
    posted.length = 0;
    h.handle({ type: 'step' });
    const batch = posted.find((m) => m.type === 'batch');
    expect(batch?.type === 'batch' && batch.actions.map((a) => `${a.actor} ${a.verb} ${a.kind}/${a.name}`)).toEqual(['default-scheduler bind Pod/p']);
  });

  it('batches carry a Pod slimmed to what the page draws, and get answers with the whole Pod or nothing', () => {
    const { h, posted } = host();
    h.handle({ type: 'pause' });
    h.handle({ type: 'apply', id: 1, yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.14.2\n' });
    const batch = posted.find((m) => m.type === 'batch');
    const mirrored = batch?.type === 'batch' ? parseText<Pod>(textAt(batch.upserted, batch.keys.indexOf('Pod/default/p'))) : undefined;
    expect(mirrored?.spec).toEqual({ containers: [{ name: 'a', resources: {} }] });
    h.handle({ type: 'get', id: 7, ref: { kind: 'Pod', namespace: 'default', name: 'p' } });
    const answer = posted.at(-1);
    expect(answer?.type === 'object' && answer.id).toBe(7);
    expect(answer?.type === 'object' && (answer.object as Pod).spec).toMatchObject({ containers: [{ name: 'a', image: 'nginx:1.14.2', imagePullPolicy: 'IfNotPresent' }], schedulerName: 'default-scheduler', restartPolicy: 'Always' });
    h.handle({ type: 'get', id: 8, ref: { kind: 'Pod', namespace: 'default', name: 'gone' } });
    expect(posted.at(-1)).toEqual({ type: 'object', id: 8, object: undefined });
  });

  it('eventsAbout answers with the Events about the object it names, by the id it came with', () => {
    const { h, posted } = host();
    h.handle({ type: 'pause' });
    h.handle({ type: 'apply', id: 1, yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.14.2\n' });
    h.handle({ type: 'step' });
    h.handle({ type: 'eventsAbout', id: 9, ref: { kind: 'Pod', namespace: 'default', name: 'p' } });
    const answer = posted.at(-1);
    expect(answer?.type === 'events' && [answer.id, answer.events.map((e) => `${e.reason}: ${e.message}`)]).toEqual([9, ['Scheduled: Successfully assigned default/p to node-1']]);
  });

  it('a node action answers with kubectl-style text', () => {
    const { h, posted } = host();
    h.handle({ type: 'nodeAction', node: 'node-2', action: 'cordon' });
    expect(posted.filter((m) => m.type === 'notice')).toEqual([{ type: 'notice', message: 'node/node-2 cordoned' }]);
  });

  it('a command that fails reports an error instead of breaking the worker', () => {
    const { h, posted } = host();
    h.handle({ type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'missing' } });
    expect(posted.filter((m) => m.type === 'error')).toEqual([{ type: 'error', message: 'pods "missing" not found' }]);
  });

  it('reset with 100 workers starts a 101-node cluster', () => {
    const { h, posted } = host();
    h.handle({ type: 'reset', workers: 100 });
    const ready = posted.filter((m) => m.type === 'ready').at(-1);
    expect(ready?.type === 'ready' && ready.objects.filter((o) => o.kind === 'Node').length).toBe(101);
  });

  it('a failure during a tick is reported to the page as an error, and the next tick goes on', () => {
    let tick: (() => void) | undefined;
    let failNext = false;
    const ticker: Ticker = {
      start(_every, fn) {
        tick = fn;
        return () => (tick = undefined);
      },
      now: () => {
        if (failNext) {
          failNext = false;
          throw new Error('boom');
        }
        return 0;
      },
    };
    const posted: WorkerMessage[] = [];
    new SimHost((m) => posted.push(m), ticker);
    failNext = true;
    tick?.();
    expect(posted.filter((m) => m.type === 'error')).toEqual([{ type: 'error', message: 'the simulation failed at 0 ms: boom' }]);
    tick?.();
    tick?.();
    expect(posted.filter((m) => m.type === 'batch').at(-1)).toMatchObject({ type: 'batch', time: 2 * TICK_MS });
  });
});
