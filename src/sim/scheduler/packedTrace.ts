// How the scheduler keeps each pod's latest SchedulingTrace between attempts. No upstream counterpart: the
// kube-scheduler keeps no trace (kube-scheduler-simulator writes its per-plugin results into pod annotations).
import type { NodeFilterTrace, NodeScoreTrace, PluginVerdict, SchedulingTrace } from './trace';

/**
 * PackedTrace holds a SchedulingTrace's per-node filter verdicts and scores in typed arrays, and the rest of it as
 * is. On 100 nodes a trace is some 900 small objects (a verdict per filter plugin and a score per score plugin, per
 * node): a cluster of 2,000 pods on 100 nodes held 305 MiB of heap (`npm run bench`'s memory table), which every
 * major garbage collection of the worker marked, on the cores the page needed to draw. With the traces packed it
 * holds 49 MiB of heap and 23 MiB of typed arrays; a trace is unpacked when someone asks for it.
 */
export interface PackedTrace {
  /** The trace with its per-node filter verdicts and scores left empty, its keys in their order. */
  rest: SchedulingTrace;
  /** Plugin names and status codes; the arrays below index into it. */
  names: string[];
  filterNodes: string[];
  /** Per filtered node: how many verdicts it got, and whether it was feasible (1) or not (0). */
  verdictCounts: Uint16Array;
  feasible: Uint8Array;
  /** Per verdict, in order: the plugin's index in `names`, then the code's. */
  verdicts: Uint16Array;
  /** The reasons of the verdicts that had any, by the verdict's position: Success verdicts have none. */
  reasons: Map<number, string[]>;
  scoreNodes: string[];
  scoreCounts: Uint16Array;
  /** Per score, in order: the plugin's index in `names`. */
  scorePlugins: Uint16Array;
  /** Per score, in order: raw then normalized. */
  scoreValues: Float64Array;
  /** Each plugin's weight, by its index in `names`: the same for every node of one attempt. */
  weights: Map<number, number>;
  totals: Float64Array;
}

/** packTrace packs a finished trace; unpackTrace(packTrace(t)) equals t. */
export function packTrace(trace: SchedulingTrace): PackedTrace {
  const { filter, score } = trace;
  const names: string[] = [];
  const index = new Map<string, number>();
  const nameIndex = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      index.set(name, (i = names.length));
      names.push(name);
    }
    return i;
  };
  const verdictCounts = new Uint16Array(filter.length);
  const feasible = new Uint8Array(filter.length);
  const verdicts = new Uint16Array(2 * filter.reduce((n, f) => n + f.verdicts.length, 0));
  const reasons = new Map<number, string[]>();
  let v = 0;
  filter.forEach((f, i) => {
    verdictCounts[i] = f.verdicts.length;
    feasible[i] = f.feasible ? 1 : 0;
    for (const verdict of f.verdicts) {
      if (verdict.reasons.length > 0) reasons.set(v, verdict.reasons);
      verdicts[2 * v] = nameIndex(verdict.plugin);
      verdicts[2 * v + 1] = nameIndex(verdict.code);
      v++;
    }
  });
  const scoreCounts = new Uint16Array(score.length);
  const count = score.reduce((n, s) => n + s.scores.length, 0);
  const scorePlugins = new Uint16Array(count);
  const scoreValues = new Float64Array(2 * count);
  const weights = new Map<number, number>();
  const totals = new Float64Array(score.length);
  let s = 0;
  score.forEach((node, i) => {
    scoreCounts[i] = node.scores.length;
    totals[i] = node.total;
    for (const one of node.scores) {
      const plugin = nameIndex(one.plugin);
      weights.set(plugin, one.weight);
      scorePlugins[s] = plugin;
      scoreValues[2 * s] = one.raw;
      scoreValues[2 * s + 1] = one.normalized;
      s++;
    }
  });
  return {
    rest: { ...trace, filter: [], score: [] },
    names,
    filterNodes: filter.map((f) => f.node),
    verdictCounts,
    feasible,
    verdicts,
    reasons,
    scoreNodes: score.map((n) => n.node),
    scoreCounts,
    scorePlugins,
    scoreValues,
    weights,
    totals,
  };
}

/** unpackTrace rebuilds the trace; weighted is normalized × weight, as runScorePlugins computes it. */
export function unpackTrace(packed: PackedTrace): SchedulingTrace {
  const { names } = packed;
  let v = 0;
  const filter = packed.filterNodes.map((node, i): NodeFilterTrace => {
    const verdicts: PluginVerdict[] = [];
    for (let k = 0; k < packed.verdictCounts[i]; k++, v++) {
      verdicts.push({ plugin: names[packed.verdicts[2 * v]], code: names[packed.verdicts[2 * v + 1]], reasons: [...(packed.reasons.get(v) ?? [])] });
    }
    return { node, verdicts, feasible: packed.feasible[i] === 1 };
  });
  let s = 0;
  const score = packed.scoreNodes.map((node, i): NodeScoreTrace => {
    const scores: NodeScoreTrace['scores'] = [];
    for (let k = 0; k < packed.scoreCounts[i]; k++, s++) {
      const plugin = packed.scorePlugins[s];
      const weight = packed.weights.get(plugin)!;
      const normalized = packed.scoreValues[2 * s + 1];
      scores.push({ plugin: names[plugin], raw: packed.scoreValues[2 * s], normalized, weight, weighted: normalized * weight });
    }
    return { node, scores, total: packed.totals[i] };
  });
  return { ...packed.rest, filter, score };
}
