import type { SchedulingTrace } from '../../sim/index';

export interface TraceRow {
  node: string;
  feasible: boolean;
  /** The rejecting filter and its reason, e.g. `NodeResourcesFit: Insufficient cpu`. */
  filterText: string;
  scores: Record<string, { raw: number; normalized: number; weighted: number }>;
  total: number | undefined;
  chosen: boolean;
}

/** Short column names for the score plugins, so the table fits a side panel. */
const SHORT: Record<string, string> = {
  TaintToleration: 'Taint',
  NodeAffinity: 'Affin',
  NodeResourcesFit: 'Fit',
  PodTopologySpread: 'Spread',
  InterPodAffinity: 'PodAff',
  NodeResourcesBalancedAllocation: 'Bal',
  ImageLocality: 'Img',
};

/** traceRows turns a trace into one row per node: best total first, then feasible nodes, then the rejected. */
export function traceRows(trace: SchedulingTrace): { plugins: { name: string; short: string; weight: number }[]; rows: TraceRow[] } {
  const plugins: { name: string; short: string; weight: number }[] = [];
  for (const node of trace.score) {
    for (const s of node.scores) if (!plugins.some((p) => p.name === s.plugin)) plugins.push({ name: s.plugin, short: SHORT[s.plugin] ?? s.plugin, weight: s.weight });
  }
  const chosen = trace.outcome?.result === 'Scheduled' ? trace.outcome.node : undefined;
  const totals = new Map(trace.score.map((n) => [n.node, n]));
  const rows = trace.filter.map((f): TraceRow => {
    const failed = f.verdicts.find((v) => v.code !== 'Success' && v.code !== 'Skip');
    const score = totals.get(f.node);
    return {
      node: f.node,
      feasible: f.feasible,
      filterText: failed ? `${failed.plugin}: ${failed.reasons.join(', ')}` : 'all filters passed',
      scores: Object.fromEntries((score?.scores ?? []).map((s) => [s.plugin, { raw: s.raw, normalized: s.normalized, weighted: s.weighted }])),
      total: score?.total,
      chosen: f.node === chosen,
    };
  });
  rows.sort((a, b) => Number(b.feasible) - Number(a.feasible) || (b.total ?? -1) - (a.total ?? -1) || a.node.localeCompare(b.node, 'en', { numeric: true }));
  return { plugins, rows };
}
