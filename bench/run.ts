import { median, table } from './stats';
import { runScheduling, type Variant } from './schedulingBasic';

/**
 * `npm run bench`: the scheduler throughput benchmark (scheduler_perf SchedulingBasic and variants), each case run
 * RUNS times, reporting the median pods/s. Set BENCH_RUNS or BENCH_ONLY=<variant> to narrow it.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY;

const CASES: Array<{ variant: Variant; nodes: number; pods: number; pct?: number }> = [
  { variant: 'basic', nodes: 1000, pods: 10000 },
  { variant: 'basic', nodes: 1000, pods: 10000, pct: 100 },
  { variant: 'basic', nodes: 5000, pods: 10000 },
  { variant: 'basic', nodes: 5000, pods: 10000, pct: 100 },
  { variant: 'topologySpread', nodes: 1000, pods: 10000 },
  { variant: 'podAntiAffinity', nodes: 1000, pods: 1000 },
];

const rows: (string | number)[][] = [];
for (const c of CASES.filter((c) => !ONLY || c.variant === ONLY)) {
  const rates: number[] = [];
  let scheduled = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = runScheduling(c.variant, c.nodes, c.pods, c.pct);
    rates.push(run.podsPerSecond);
    scheduled = run.scheduled;
  }
  const row = [c.variant, c.nodes, c.pods, c.pct === undefined ? 'adaptive' : `${c.pct}%`, scheduled, Math.round(median(rates)), Math.round(Math.min(...rates)), Math.round(Math.max(...rates))];
  rows.push(row);
  console.log(`done: ${row.join(' ')}`);
}
console.log('\nkube-scheduler throughput (scheduler_perf workloads), median of ' + RUNS + ' runs\n');
console.log(table(['workload', 'nodes', 'pods', 'percentageOfNodesToScore', 'scheduled', 'pods/s (median)', 'min', 'max'], rows));
