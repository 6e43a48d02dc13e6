// How the scheduler keeps each pod's latest SchedulingTrace between attempts. No upstream counterpart: the
// kube-scheduler keeps no trace (kube-scheduler-simulator writes its per-plugin results into pod annotations).
import { Code, codeString, type Status } from './framework/interface';
import type { SharedLists } from './sharedLists';
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
  names: readonly string[];
  filterNodes: readonly string[];
  /** Per filtered node: how many verdicts it got, and whether it was feasible (1) or not (0). */
  verdictCounts: Uint16Array;
  feasible: Uint8Array;
  /** Per verdict, in order: the plugin's index in `names`, then the code's. */
  verdicts: Uint16Array;
  /** The reasons of the verdicts that had any, by the verdict's position: Success verdicts have none. */
  reasons: Map<number, string[]>;
  scoreNodes: readonly string[];
  /** The score plugins that ran, by index in `names`, in order: every scored node has one score of each. */
  scorePlugins: Uint16Array;
  /** Their weights, in the same order. */
  weights: Float64Array;
  /** Per scored node, per score plugin: raw then normalized. */
  scoreValues: Float64Array;
  totals: Float64Array;
}

/** FilterVerdicts is where runFilterPlugins records each filter plugin's verdict on the node it filters. */
export interface FilterVerdicts {
  verdict(plugin: string, status: Status | null): void;
  /** restart forgets the verdicts recorded for the node so far: a second filter pass replaces them. */
  restart(): void;
}

/**
 * PackedTraceWriter records one scheduling attempt: `head` holds the attempt's own fields (its per-node `filter`
 * and `score` stay empty), and the per-node verdicts and scores go straight into arrays of numbers, packed when the
 * attempt ends. Building them as objects first made the scheduler half of what the worker allocated while 2,000
 * pods were created on 100 nodes (284 of 572 MB sampled).
 */
export class PackedTraceWriter implements FilterVerdicts {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly filterNodes: string[] = [];
  /** Per filtered node: its verdict count and 1 if feasible; grown by doubling, the first filterNodes.length used. */
  private verdictCounts = new Uint16Array(64);
  private feasible = new Uint8Array(64);
  /** Per verdict: plugin and code indices; the first 2 × `verdictCount` used. */
  private verdicts = new Uint16Array(1024);
  private verdictCount = 0;
  private readonly reasons = new Map<number, string[]>();
  /** The verdict index where the node being filtered started. */
  private nodeStart = 0;
  private scoreNodes: string[] = [];
  private scores: Pick<PackedTrace, 'scorePlugins' | 'weights' | 'scoreValues' | 'totals'> = {
    scorePlugins: new Uint16Array(0),
    weights: new Float64Array(0),
    scoreValues: new Float64Array(0),
    totals: new Float64Array(0),
  };

  constructor(readonly head: SchedulingTrace) {}

  /** beginNode starts the verdicts of the next node filtered. */
  beginNode(): void {
    this.nodeStart = this.verdictCount;
  }

  verdict(plugin: string, status: Status | null): void {
    const v = this.verdictCount++;
    if (status && status.reasons.length > 0) this.reasons.set(v, [...status.reasons]);
    if (2 * v + 2 > this.verdicts.length) this.verdicts = grown(this.verdicts);
    this.verdicts[2 * v] = this.nameIndex(plugin);
    this.verdicts[2 * v + 1] = this.nameIndex(codeString(status ? status.code : Code.Success));
  }

  restart(): void {
    for (let v = this.nodeStart; v < this.verdictCount; v++) this.reasons.delete(v);
    this.verdictCount = this.nodeStart;
  }

  /** endNode closes the node's verdicts: the filters passed it (feasible) or one rejected it. */
  endNode(node: string, feasible: boolean): void {
    const i = this.filterNodes.push(node) - 1;
    if (i === this.verdictCounts.length) [this.verdictCounts, this.feasible] = [grown(this.verdictCounts), grown(this.feasible)];
    this.verdictCounts[i] = this.verdictCount - this.nodeStart;
    this.feasible[i] = feasible ? 1 : 0;
  }

  /**
   * score records the Score extension point: `raw[p * n + i]` and `normalized[p * n + i]` are plugin p's scores of
   * node i, as runScorePlugins keeps them, and `totals[i]` node i's weighted sum.
   */
  score(nodes: readonly string[], plugins: ReadonlyArray<{ name: string; weight: number }>, raw: Float64Array, normalized: Float64Array, totals: readonly number[]): void {
    const [n, np] = [nodes.length, plugins.length];
    const scoreValues = new Float64Array(2 * n * np);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < np; p++) {
        const s = i * np + p;
        scoreValues[2 * s] = raw[p * n + i];
        scoreValues[2 * s + 1] = normalized[p * n + i];
      }
    }
    this.scoreNodes = [...nodes];
    this.scores = {
      scorePlugins: Uint16Array.from(plugins, (p) => this.nameIndex(p.name)),
      weights: Float64Array.from(plugins, (p) => p.weight),
      scoreValues,
      totals: Float64Array.from(totals),
    };
  }

  /** pack ends the attempt's record (the writer is finished with it: its lists are frozen), sharing lists equal to earlier traces'. */
  pack(lists: SharedLists): PackedTrace {
    return {
      rest: { ...this.head, filter: [], score: [] },
      names: lists.share(this.names),
      filterNodes: lists.share(this.filterNodes),
      verdictCounts: this.verdictCounts.slice(0, this.filterNodes.length),
      feasible: this.feasible.slice(0, this.filterNodes.length),
      verdicts: this.verdicts.slice(0, 2 * this.verdictCount),
      reasons: this.reasons,
      scoreNodes: lists.share(this.scoreNodes),
      ...this.scores,
    };
  }

  private nameIndex(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      this.index.set(name, (i = this.names.length));
      this.names.push(name);
    }
    return i;
  }
}

/** grown is a copy of `a` twice as long. */
function grown<T extends Uint8Array | Uint16Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(2 * a.length);
  b.set(a);
  return b;
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
  const np = packed.scorePlugins.length;
  const score = packed.scoreNodes.map((node, i): NodeScoreTrace => {
    const scores: NodeScoreTrace['scores'] = [];
    for (let p = 0; p < np; p++) {
      const s = i * np + p;
      const weight = packed.weights[p];
      const normalized = packed.scoreValues[2 * s + 1];
      scores.push({ plugin: names[packed.scorePlugins[p]], raw: packed.scoreValues[2 * s], normalized, weight, weighted: normalized * weight });
    }
    return { node, scores, total: packed.totals[i] };
  });
  return { ...packed.rest, filter, score };
}
