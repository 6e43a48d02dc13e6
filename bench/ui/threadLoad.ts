// Who else had the machine's cores: the CPU time of every thread of every process inside a window of the trace,
// from their top-level tasks (task runners' `ThreadControllerImpl::RunTask`, thread pools' `ThreadPool_RunTask`,
// raster workers' `TaskGraphRunner::RunTask`). A long frame in which the page's main thread got little CPU time
// names what ran instead: the simulation worker, V8's compilers and collectors in the pool, the GPU process's
// compositor, the editor frame's renderer.
import { busyIn, foldNested, taskSpan, type Span, type Thread, type TraceEvent } from './frameStats';

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask', 'TaskGraphRunner::RunTask']);

/** The label of the page's main thread: the thread whose frames the benchmark measures. */
export const PAGE_MAIN = 'page main';

/** ThreadGroup is one thread, or a process's pool of threads, with its top-level tasks ([start, end, cpu] in µs). */
export interface ThreadGroup {
  label: string;
  tasks: Array<[number, number, number]>;
}

/**
 * poolWork names what a thread-pool task was doing, from the source file that posted it: V8's compilers (TurboFan,
 * Maglev, Sparkplug), a collector's helpers (V8's heap, Oilpan), or raster.
 */
export function poolWork(e: TraceEvent): 'compile' | 'gc' | 'raster' | 'other' {
  const file = String(e.args?.src_file ?? '');
  if (e.name === 'TaskGraphRunner::RunTask' || file.startsWith('cc/raster/')) return 'raster';
  if (/^v8\/src\/(compiler|compiler-dispatcher|maglev|baseline|codegen)\//.test(file)) return 'compile';
  if (/^v8\/src\/heap\//.test(file)) return 'gc';
  return 'other';
}

/**
 * threadGroups labels the trace's threads for a reader: the page's renderer is `page` (its `main` thread, its
 * workers by name, its `pool` by the kind of work, see poolWork), other processes go by their name (another
 * `Renderer` is the editor's frame).
 */
export function threadGroups(events: readonly TraceEvent[], page: Thread): ThreadGroup[] {
  const processes = new Map<number, string>();
  const threads = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processes.set(e.pid, String(e.args?.name));
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  }
  // Spans per thread, and per kind of work on pool threads: each kind's tasks fold on their own.
  const spans = new Map<string, { label: string; list: Array<[number, number, number]> }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !TOP_LEVEL.has(e.name)) continue;
    const name = threads.get(`${e.pid}:${e.tid}`) ?? `thread ${e.tid}`;
    const onPage = e.pid === page.pid;
    const thread = onPage && e.tid === page.tid ? 'main' : name.startsWith('ThreadPool') ? `pool ${poolWork(e)}` : name;
    const label = onPage ? `page ${thread}` : `${processes.get(e.pid) ?? `process ${e.pid}`} ${thread}`;
    const key = `${e.pid}:${e.tid}:${label}`;
    const entry = spans.get(key) ?? { label, list: [] };
    entry.list.push(taskSpan(e));
    spans.set(key, entry);
  }
  const groups = new Map<string, ThreadGroup>();
  for (const { label, list } of spans.values()) {
    const group = groups.get(label) ?? { label, tasks: [] };
    group.tasks.push(...foldNested(list));
    groups.set(label, group);
  }
  return [...groups.values()];
}

/** loadIn: each group's CPU time (ms) inside the span, busiest first, groups that did not run left out. */
export function loadIn(span: Span, groups: readonly ThreadGroup[]): Array<{ label: string; cpu: number }> {
  return groups
    .map((g) => ({ label: g.label, cpu: busyIn(span, g.tasks).cpu }))
    .filter((g) => g.cpu > 0)
    .sort((a, b) => b.cpu - a.cpu);
}
