// What a container process prints over its life, as offsets from its start: the stdout/stderr stream containerd
// writes to the container's log file (pkg/kubelet/kuberuntime/logs). Shaped like behaviour/interpreter.ts's
// FileTimeline: one-off lines plus an optional cycle a `while true` loop repeats for ever.
import type { VirtualMs } from '../../clock/virtualClock';

/** PrintedLine is one line of output at an offset from the process start. */
export interface PrintedLine {
  at: VirtualMs;
  text: string;
}

/** ProgramOutput is everything a process prints: lines printed once, then lines repeated every period. */
export interface ProgramOutput {
  lines: readonly PrintedLine[];
  cycle?: { from: VirtualMs; period: VirtualMs; lines: readonly PrintedLine[] };
}

/** NO_OUTPUT is a process that prints nothing. */
export const NO_OUTPUT: ProgramOutput = { lines: [] };

/**
 * MAX_LINES_PER_INSTANCE bounds what one container instance keeps, as the kubelet's log rotation
 * (containerLogMaxSize 10Mi) does: older lines are gone.
 */
export const MAX_LINES_PER_INSTANCE = 5_000;

/**
 * printedBetween lists what the process printed at offsets in (after, until], oldest first, at most `limit` lines
 * (the newest ones, as after log rotation). Lines printed at the same offset keep their order.
 */
export function printedBetween(output: ProgramOutput, after: VirtualMs, until: VirtualMs, limit = MAX_LINES_PER_INSTANCE): PrintedLine[] {
  const out = output.lines.filter((l) => l.at > after && l.at <= until);
  const cycle = output.cycle;
  if (cycle && cycle.lines.length > 0 && cycle.period > 0 && until >= cycle.from) {
    const last = Math.floor((until - cycle.from) / cycle.period);
    // Only the iterations that can still be within the limit are expanded.
    const first = Math.max(0, Math.floor((after - cycle.from) / cycle.period), last - Math.ceil(limit / cycle.lines.length));
    for (let k = first; k <= last; k++) {
      const base = cycle.from + k * cycle.period;
      for (const l of cycle.lines) {
        const at = base + l.at;
        if (at > after && at <= until) out.push({ at, text: l.text });
      }
    }
  }
  out.sort((a, b) => a.at - b.at);
  return out.length > limit ? out.slice(out.length - limit) : out;
}

/** nextPrintAfter is the offset of the first line printed after `offset`, or undefined when nothing more comes. */
export function nextPrintAfter(output: ProgramOutput, offset: VirtualMs): VirtualMs | undefined {
  let next: VirtualMs | undefined;
  for (const l of output.lines) if (l.at > offset && (next === undefined || l.at < next)) next = l.at;
  const cycle = output.cycle;
  if (cycle && cycle.lines.length > 0 && cycle.period > 0) {
    const k = Math.max(0, Math.floor((offset - cycle.from) / cycle.period));
    for (const iteration of [k, k + 1]) {
      for (const l of cycle.lines) {
        const at = cycle.from + iteration * cycle.period + l.at;
        if (at > offset && (next === undefined || at < next)) next = at;
      }
    }
  }
  return next;
}
