import { describe, expect, it } from 'vitest';
import { loadIn, poolWork, threadGroups } from './threadLoad';
import type { TraceEvent } from './frameStats';

const page = { pid: 1, tid: 10 };
const meta = (pid: number, tid: number, name: string, what = 'thread_name'): TraceEvent => ({ name: what, cat: '__metadata', ph: 'M', ts: 0, pid, tid, args: { name } });
const task = (pid: number, tid: number, ts: number, dur: number, tdur: number, name = 'ThreadControllerImpl::RunTask', src_file?: string): TraceEvent => ({ name, cat: 'toplevel', ph: 'X', ts, dur, tdur, pid, tid, args: src_file ? { src_file } : undefined });

const events: TraceEvent[] = [
  meta(1, 0, 'Renderer', 'process_name'),
  meta(2, 0, 'Renderer', 'process_name'),
  meta(3, 0, 'GPU Process', 'process_name'),
  meta(1, 10, 'CrRendererMain'),
  meta(1, 11, 'DedicatedWorker thread'),
  meta(1, 12, 'ThreadPoolForegroundWorker'),
  meta(1, 13, 'ThreadPoolForegroundWorker'),
  meta(2, 20, 'CrRendererMain'),
  meta(3, 30, 'VizCompositorThread'),
  // The page's main thread: 10 ms of CPU in 40 ms of wall time, a nested task inside.
  task(1, 10, 0, 40_000, 10_000),
  task(1, 10, 5_000, 5_000, 2_000),
  // The simulation worker, and pool threads: a compile beside a raster task, then two collector helpers at once.
  task(1, 11, 0, 30_000, 25_000),
  task(1, 12, 10_000, 20_000, 20_000, 'ThreadPool_RunTask', 'v8/src/compiler-dispatcher/optimizing-compile-dispatcher.cc'),
  task(1, 13, 10_000, 10_000, 8_000, 'TaskGraphRunner::RunTask'),
  task(1, 12, 32_000, 6_000, 6_000, 'ThreadPool_RunTask', 'v8/src/heap/concurrent-marking.cc'),
  task(1, 13, 32_000, 6_000, 5_000, 'ThreadPool_RunTask', 'v8/src/heap/concurrent-marking.cc'),
  // The editor frame's renderer, half inside the window; the GPU process's compositor after it.
  task(2, 20, 30_000, 20_000, 12_000),
  task(3, 30, 60_000, 5_000, 5_000),
  // Not a top-level task: ignored.
  task(1, 11, 0, 40_000, 40_000, 'FunctionCall'),
];

describe('threadGroups and loadIn', () => {
  it('names what ran beside the page in a 40 ms frame, busiest first, pool work by kind with threads summed, nested tasks folded', () => {
    expect(loadIn({ start: 0, duration: 40 }, threadGroups(events, page))).toEqual([
      { label: 'page DedicatedWorker thread', cpu: 25 },
      { label: 'page pool compile', cpu: 20 },
      { label: 'page pool gc', cpu: 11 },
      { label: 'page main', cpu: 10 },
      { label: 'page pool raster', cpu: 8 },
      { label: 'Renderer CrRendererMain', cpu: 6 },
    ]);
  });

  it('leaves out what did not run in the window', () => {
    expect(loadIn({ start: 60, duration: 5 }, threadGroups(events, page))).toEqual([{ label: 'GPU Process VizCompositorThread', cpu: 5 }]);
  });
});

describe('poolWork', () => {
  it.each([
    { name: 'a TurboFan job is compiling', e: task(1, 12, 0, 1, 1, 'ThreadPool_RunTask', 'v8/src/compiler-dispatcher/optimizing-compile-dispatcher.cc'), want: 'compile' },
    { name: 'a Maglev job is compiling', e: task(1, 12, 0, 1, 1, 'ThreadPool_RunTask', 'v8/src/maglev/maglev-concurrent-dispatcher.cc'), want: 'compile' },
    { name: 'a scavenger helper is collecting', e: task(1, 12, 0, 1, 1, 'ThreadPool_RunTask', 'v8/src/heap/scavenger.cc'), want: 'gc' },
    { name: 'a raster worker task is raster', e: task(1, 12, 0, 1, 1, 'ThreadPool_RunTask', 'cc/raster/categorized_worker_pool.cc'), want: 'raster' },
    { name: 'a task graph runner task is raster', e: task(1, 12, 0, 1, 1, 'TaskGraphRunner::RunTask'), want: 'raster' },
    { name: 'anything else is other', e: task(1, 12, 0, 1, 1, 'ThreadPool_RunTask', 'base/files/file_util.cc'), want: 'other' },
  ])('$name', ({ e, want }) => expect(poolWork(e)).toBe(want));
});
