// Per-frame main-thread time from a Chromium trace (the Trace Event Format DevTools' Performance panel reads): the
// renderer main thread's top-level tasks (toplevel `ThreadControllerImpl::RunTask`), cut at each
// `BeginMainThreadFrame`, plus the `AnimationFrame` async spans that back the Long Animation Frames API and the
// garbage-collection pauses (`MajorGC`, `MinorGC`) inside them.

/** TraceEvent is one record of Chromium's Trace Event Format; times are microseconds. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, microseconds: less than `dur` when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { name?: string; [key: string]: unknown };
}

export interface Thread {
  pid: number;
  tid: number;
}

/** Frame is one rendering-frame interval of the main thread, in milliseconds. */
export interface Frame {
  start: number;
  interval: number;
  /** Wall time of the main thread's tasks in the interval. */
  busy: number;
  /** Their CPU time: `busy` less the time the thread was runnable but not running (other threads had the cores). */
  cpu: number;
}

const TOP_LEVEL_TASK = 'ThreadControllerImpl::RunTask';

/**
 * rendererMain picks the page's main thread: the CrRendererMain on which the benchmark left its markers
 * (`console.timeStamp`, run in the page). Counting frames would not do: the editor's frame has a renderer of its own,
 * which begins a frame whenever it animates, while the page's busy thread begins fewer.
 */
export function rendererMain(events: readonly TraceEvent[]): Thread | undefined {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const stamp = events.find((e) => e.name === 'TimeStamp' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  return stamp && { pid: stamp.pid, tid: stamp.tid };
}

const on = (t: Thread) => (e: TraceEvent) => e.pid === t.pid && e.tid === t.tid;

/** topLevelTasks: the outermost task spans of the thread, [start, end, cpu] in µs, nested run loops folded in. */
export function topLevelTasks(events: readonly TraceEvent[], thread: Thread): Array<[number, number, number]> {
  return foldNested(events.filter((e) => on(thread)(e) && e.ph === 'X' && e.name === TOP_LEVEL_TASK && e.dur !== undefined).map(taskSpan));
}

/** taskSpan: a complete event as [start, end, cpu] in µs. */
export const taskSpan = (e: TraceEvent): [number, number, number] => [e.ts, e.ts + (e.dur ?? 0), e.tdur ?? e.dur ?? 0];

/** foldNested merges one thread's task spans into its outermost ones, in time order. */
export function foldNested(spans: Array<[number, number, number]>): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (const s of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) {
      // A nested task's CPU time is inside its outer task's; a task that only overlaps the last one adds its own.
      if (s[1] > last[1]) last[2] += s[2];
      last[1] = Math.max(last[1], s[1]);
    } else out.push([...s]);
  }
  return out;
}

/**
 * framesOf cuts the thread's time at each BeginMainThreadFrame and sums, per interval, the task time inside it, in
 * wall time and in CPU time (a task crossing a boundary shares its CPU time out by its wall time). A frame whose
 * interval is long was late on screen; its busy time says how much of that the page's own work took.
 */
export function framesOf(events: readonly TraceEvent[], thread: Thread): Frame[] {
  const starts = events
    .filter((e) => on(thread)(e) && e.name === 'BeginMainThreadFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = topLevelTasks(events, thread);
  const frames: Frame[] = [];
  let t = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const [from, to] = [starts[i], starts[i + 1]];
    while (t < tasks.length && tasks[t][1] <= from) t++;
    let [busy, cpu] = [0, 0];
    for (let j = t; j < tasks.length && tasks[j][0] < to; j++) {
      const [start, end, taskCpu] = tasks[j];
      const overlap = Math.min(to, end) - Math.max(from, start);
      busy += overlap;
      cpu += end > start ? (taskCpu * overlap) / (end - start) : 0;
    }
    frames.push({ start: from / 1000, interval: (to - from) / 1000, busy: busy / 1000, cpu: cpu / 1000 });
  }
  return frames;
}

/** Span is a stretch of a thread's time, in milliseconds. */
export interface Span {
  start: number;
  duration: number;
}

/** animationFrames: the thread's `AnimationFrame` spans, the trace form of long-animation-frame entries. */
export function animationFrames(events: readonly TraceEvent[], thread: Thread): Span[] {
  const open = new Map<string, number>();
  const out: Span[] = [];
  for (const e of events) {
    if (!on(thread)(e) || e.name !== 'AnimationFrame') continue;
    const id = e.id ?? e.id2?.local ?? e.id2?.global ?? '';
    if (e.ph === 'b') open.set(id, e.ts);
    else if (e.ph === 'e' && open.has(id)) {
      out.push({ start: open.get(id)! / 1000, duration: (e.ts - open.get(id)!) / 1000 });
      open.delete(id);
    }
  }
  return out;
}

/** GcPause is a garbage collection that stopped the thread: DevTools' `MajorGC` or `MinorGC` span. */
export interface GcPause extends Span {
  major: boolean;
  /** Why V8 collected, e.g. "finalize incremental marking via task" (the memory reducer's, once a page goes idle). */
  reason: string;
  /** Heap in use before and after, MB. */
  beforeMB: number;
  afterMB: number;
  /**
   * Of a major pause, the ms V8 spent evacuating: moving live objects off fragmented pages and updating the pointers
   * to them (V8.GC_MC_EVACUATE, traced under disabled-by-default-v8.gc; 0 when that category was off). The memory
   * reducer's collection evacuates up to 12 MB from pages at least 20% free (ComputeEvacuationHeuristics in
   * v8/src/heap/mark-compact.cc, kMaxEvacuatedBytesForReduceMemory), a regular one up to 4 MB from pages 70% free.
   */
  evacuationMs: number;
  /**
   * Of a major pause, where its time went: each phase's self time (selfTimes of the V8.GC_* and CppGC.* spans inside
   * it; what none claims stays with MajorGC), in ms, largest first. Empty for a minor pause.
   */
  phases: Array<[string, number]>;
}

/** gcPauses lists the thread's garbage-collection pauses in time order. */
export function gcPauses(events: readonly TraceEvent[], thread: Thread): GcPause[] {
  const mine = events.filter((e) => on(thread)(e) && e.ph === 'X');
  const evacuations = mine.filter((e) => e.name === 'V8.GC_MC_EVACUATE');
  const phases = mine.filter((e) => e.name.startsWith('V8.GC_') || e.name.startsWith('CppGC.'));
  return mine
    .filter((e) => e.name === 'MajorGC' || e.name === 'MinorGC')
    .map((e) => {
      const end = e.ts + (e.dur ?? 0);
      const major = e.name === 'MajorGC';
      const inside = major ? evacuations.filter((v) => v.ts >= e.ts && v.ts < end) : [];
      return {
        start: e.ts / 1000,
        duration: (e.dur ?? 0) / 1000,
        major: e.name === 'MajorGC',
        reason: String(e.args?.type ?? ''),
        beforeMB: Number(e.args?.usedHeapSizeBefore ?? 0) / 1e6,
        afterMB: Number(e.args?.usedHeapSizeAfter ?? 0) / 1e6,
        evacuationMs: inside.reduce((sum, v) => sum + (v.dur ?? 0), 0) / 1000,
        phases: major ? selfTimes([e, ...phases.filter((v) => v.ts >= e.ts && v.ts < end)], thread) : [],
      };
    })
    .sort((a, b) => a.start - b.start);
}

/** longestMajor is the longest of the major collections among `pauses`, if any. */
export function longestMajor(pauses: readonly GcPause[]): GcPause | undefined {
  return pauses.filter((p) => p.major).reduce<GcPause | undefined>((longest, p) => (!longest || p.duration > longest.duration ? p : longest), undefined);
}

/** pausesIn picks the pauses that overlap `span`, each cut to the overlap. */
export function pausesIn(span: Span, pauses: readonly GcPause[]): GcPause[] {
  const end = span.start + span.duration;
  return pauses
    .filter((p) => p.start < end && p.start + p.duration > span.start)
    .map((p) => {
      const start = Math.max(span.start, p.start);
      return { ...p, start, duration: Math.min(end, p.start + p.duration) - start };
    });
}

/**
 * busyIn is the wall time and the CPU time (ms) of the thread's top-level tasks (see topLevelTasks, µs) inside
 * `span`; a task crossing its edge counts the CPU time its overlap's share of its wall time holds. A long frame
 * whose tasks took far less wall time than the frame waited on something other than the page's main thread; tasks
 * whose CPU time is far less than their wall time waited for a core.
 */
export function busyIn(span: Span, tasks: ReadonlyArray<readonly [number, number, number]>): { wall: number; cpu: number } {
  const [from, to] = [span.start * 1000, (span.start + span.duration) * 1000];
  let [wall, cpu] = [0, 0];
  for (const [start, end, taskCpu] of tasks) {
    const overlap = Math.max(0, Math.min(to, end) - Math.max(from, start));
    wall += overlap;
    if (overlap > 0) cpu += (taskCpu * overlap) / (end - start);
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

/**
 * selfTimes attributes the thread's time to the innermost complete event running it (FunctionCall, Layout,
 * UpdateLayoutTree, Paint, MinorGC...), in ms, largest first. Task time no inner event claims stays with the task.
 */
export function selfTimes(events: readonly TraceEvent[], thread: Thread): Array<[string, number]> {
  const spans = events
    .filter((e) => on(thread)(e) && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const stack: Array<{ name: string; end: number }> = [];
  let cursor = 0;
  const credit = (until: number) => {
    const top = stack[stack.length - 1];
    if (top && until > cursor) totals.set(top.name, (totals.get(top.name) ?? 0) + (until - cursor));
    cursor = Math.max(cursor, until);
  };
  for (const e of spans) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) {
      credit(stack[stack.length - 1].end);
      stack.pop();
    }
    credit(e.ts);
    stack.push({ name: e.name, end: Math.min(e.ts + (e.dur ?? 0), stack.length > 0 ? stack[stack.length - 1].end : Infinity) });
  }
  while (stack.length > 0) {
    credit(stack[stack.length - 1].end);
    stack.pop();
  }
  return [...totals].map(([name, us]): [string, number] => [name, us / 1000]).sort((a, b) => b[1] - a[1]);
}

/** marker is the time (µs) of the page's `console.timeStamp(label)`, which DevTools records as a TimeStamp event. */
export function marker(events: readonly TraceEvent[], label: string): number | undefined {
  return events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string } | undefined)?.message === label)?.ts;
}

/** between keeps the thread metadata and the events that start in [from, to]. */
export function between(events: readonly TraceEvent[], from: number, to: number): TraceEvent[] {
  return events.filter((e) => e.ph === 'M' || (e.ts >= from && e.ts <= to));
}

/** percentile by nearest rank: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
