import { describe, expect, it } from 'vitest';
import { animationFrames, between, busyIn, framesOf, gcPauses, longestMajor, marker, pausesIn, percentile, rendererMain, selfTimes, type TraceEvent } from './frameStats';

const main = { pid: 1, tid: 10 };
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid, tid, args: { name } });
const frame = (ts: number, t = main): TraceEvent => ({ name: 'BeginMainThreadFrame', cat: 'disabled-by-default-devtools.timeline.frame', ph: 'I', ts, ...t });
const stamp = (ts: number, message: string): TraceEvent => ({ name: 'TimeStamp', cat: 'devtools.timeline', ph: 'I', ts, ...main, args: { data: { message } } });
const task = (ts: number, dur: number, name = 'ThreadControllerImpl::RunTask', tdur = dur): TraceEvent => ({ name, cat: 'toplevel', ph: 'X', ts, dur, tdur, ...main });

describe('rendererMain', () => {
  it.each([
    {
      name: 'picks the renderer main thread that recorded the markers, though another renderer (the editor frame) began more frames',
      events: [meta(1, 10, 'CrRendererMain'), meta(2, 20, 'CrRendererMain'), frame(1, { pid: 2, tid: 20 }), frame(2, { pid: 2, tid: 20 }), frame(3), stamp(4, 'create:start')],
      want: main,
    },
    { name: 'ignores markers on threads that are not a renderer main thread', events: [meta(1, 10, 'Compositor'), stamp(1, 'create:start')], want: undefined },
  ])('$name', ({ events, want }) => expect(rendererMain(events)).toEqual(want));
});

describe('framesOf', () => {
  it.each([
    {
      name: 'sums the task time inside each frame interval and clips tasks that cross a boundary',
      events: [frame(0), frame(16_000), frame(80_000), task(1_000, 2_000), task(10_000, 20_000)],
      want: [
        { start: 0, interval: 16, busy: 8, cpu: 8 },
        { start: 16, interval: 64, busy: 14, cpu: 14 },
      ],
    },
    {
      name: 'counts a task nested in another task once',
      events: [frame(0), frame(10_000), task(0, 5_000), task(1_000, 2_000)],
      want: [{ start: 0, interval: 10, busy: 5, cpu: 5 }],
    },
    {
      name: 'counts CPU time apart from wall time, sharing a crossing task out by its wall time',
      events: [frame(0), frame(10_000), frame(20_000), task(2_000, 4_000, undefined, 1_000), task(8_000, 4_000, undefined, 4_000)],
      want: [
        { start: 0, interval: 10, busy: 6, cpu: 3 },
        { start: 10, interval: 10, busy: 2, cpu: 2 },
      ],
    },
  ])('$name', ({ events, want }) => expect(framesOf(events, main)).toEqual(want));
});

describe('animationFrames', () => {
  it('pairs the begin and end of each AnimationFrame span by id', () => {
    const span = (ph: string, ts: number, id: string): TraceEvent => ({ name: 'AnimationFrame', cat: 'devtools.timeline', ph, ts, id2: { local: id }, ...main });
    expect(animationFrames([span('b', 0, 'a'), span('b', 5_000, 'b'), span('e', 60_000, 'a'), span('e', 9_000, 'b')], main)).toEqual([
      { start: 0, duration: 60 },
      { start: 5, duration: 4 },
    ]);
  });
});

describe('gcPauses, longestMajor and pausesIn', () => {
  const gc = (name: string, ts: number, dur: number, type: string, before: number, after: number, t = main): TraceEvent => ({
    name,
    cat: 'devtools.timeline,v8',
    ph: 'X',
    ts,
    dur,
    ...t,
    args: { type, usedHeapSizeBefore: before, usedHeapSizeAfter: after },
  });
  const events = [
    gc('MajorGC', 100_000, 40_000, 'finalize incremental marking via task', 50_000_000, 26_000_000),
    gc('MinorGC', 10_000, 2_000, 'allocation failure', 9_000_000, 8_000_000),
    gc('MajorGC', 0, 90_000, 'the worker', 1, 1, { pid: 1, tid: 11 }),
    { name: 'V8.GC_MARK_COMPACTOR', cat: 'disabled-by-default-v8.gc', ph: 'X', ts: 105_000, dur: 33_000, ...main },
    { name: 'V8.GC_MC_EVACUATE', cat: 'disabled-by-default-v8.gc', ph: 'X', ts: 110_000, dur: 25_500, ...main },
    { name: 'V8.GC_HEAP_EPILOGUE_SAFEPOINT', cat: 'disabled-by-default-v8.gc', ph: 'X', ts: 138_000, dur: 1_500, ...main },
    { name: 'V8.GC_MC_EVACUATE', cat: 'disabled-by-default-v8.gc', ph: 'X', ts: 10_000, dur: 60_000, pid: 1, tid: 11 },
  ];

  const phases: Array<[string, number]> = [['V8.GC_MC_EVACUATE', 25.5], ['V8.GC_MARK_COMPACTOR', 7.5], ['MajorGC', 5.5], ['V8.GC_HEAP_EPILOGUE_SAFEPOINT', 1.5]];

  it("lists the thread's pauses in time order, with V8's reason, the heap in MB, and a major pause's evacuation and phases", () => {
    expect(gcPauses(events, main)).toEqual([
      { start: 10, duration: 2, major: false, reason: 'allocation failure', beforeMB: 9, afterMB: 8, evacuationMs: 0, phases: [] },
      { start: 100, duration: 40, major: true, reason: 'finalize incremental marking via task', beforeMB: 50, afterMB: 26, evacuationMs: 25.5, phases },
    ]);
  });

  it('picks the longest major collection, never a minor one', () => {
    const pauses = gcPauses([...events, gc('MajorGC', 300_000, 12_000, 'allocation failure', 40_000_000, 30_000_000), gc('MinorGC', 400_000, 60_000, 'allocation failure', 9_000_000, 8_000_000)], main);
    expect(longestMajor(pauses)).toEqual({ start: 100, duration: 40, major: true, reason: 'finalize incremental marking via task', beforeMB: 50, afterMB: 26, evacuationMs: 25.5, phases });
    expect(longestMajor(pauses.filter((p) => !p.major))).toBeUndefined();
  });

  it('keeps the part of each pause inside a frame', () => {
    expect(pausesIn({ start: 120, duration: 50 }, gcPauses(events, main)).map((p) => [p.reason, p.duration])).toEqual([['finalize incremental marking via task', 20]]);
    expect(pausesIn({ start: 0, duration: 9 }, gcPauses(events, main))).toEqual([]);
  });
});

describe('busyIn', () => {
  it("sums the part of each top-level task inside a frame, in ms, and the CPU time each part's share holds", () => {
    const tasks: Array<[number, number, number]> = [
      [0, 4_000, 2_000],
      [9_000, 12_000, 3_000],
      [58_000, 70_000, 6_000],
    ];
    expect(busyIn({ start: 2, duration: 58 }, tasks)).toEqual({ wall: 2 + 3 + 2, cpu: 1 + 3 + 1 });
  });
});

describe('selfTimes', () => {
  it('gives each event the time its children do not cover', () => {
    const events = [task(0, 10_000), task(1_000, 6_000, 'FunctionCall'), task(2_000, 3_000, 'Layout'), task(8_000, 1_000, 'Paint')];
    expect(selfTimes(events, main)).toEqual([
      ['ThreadControllerImpl::RunTask', 3],
      ['FunctionCall', 3],
      ['Layout', 3],
      ['Paint', 1],
    ]);
  });
});

describe('percentile', () => {
  it.each([
    { name: 'the median of four values is the second smallest by nearest rank', values: [4, 1, 3, 2], p: 50, want: 2 },
    { name: 'the 95th percentile of twenty values is the nineteenth smallest', values: Array.from({ length: 20 }, (_, i) => i + 1), p: 95, want: 19 },
    { name: 'the percentile of no values is not a number', values: [], p: 50, want: NaN },
  ])('$name', ({ values, p, want }) => expect(percentile(values, p)).toBe(want));
});

describe('marker and between', () => {
  it('finds the console.timeStamp of a label and keeps metadata plus the events inside the window', () => {
    const events = [meta(1, 10, 'CrRendererMain'), task(0, 5), stamp(10, 'start'), task(20, 5), stamp(30, 'end'), task(40, 5)];
    const [from, to] = [marker(events, 'start')!, marker(events, 'end')!];
    expect([from, to]).toEqual([10, 30]);
    expect(between(events, from, to).map((e) => `${e.name}@${e.ts}`)).toEqual(['thread_name@0', 'TimeStamp@10', 'ThreadControllerImpl::RunTask@20', 'TimeStamp@30']);
  });
});
