import { median, table } from './stats';
import { runScheduling, type Variant } from './schedulingBasic';
import { memoryForPods, runDeployment } from './deployment';

/**
 * `npm run bench`: figures, not pass/fail. Each case runs BENCH_RUNS times (default 5) and reports the median.
 * BENCH_ONLY=scheduler|workload|memory narrows it.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY;

function schedulerTable(): void {
  const cases: Array<{ variant: Variant; nodes: number; pods: number; pct?: number }> = [
    { variant: 'basic', nodes: 1000, pods: 10000 },
    { variant: 'basic', nodes: 1000, pods: 10000, pct: 100 },
    { variant: 'basic', nodes: 5000, pods: 10000 },
    { variant: 'basic', nodes: 5000, pods: 10000, pct: 100 },
    { variant: 'topologySpread', nodes: 1000, pods: 10000 },
    { variant: 'podAntiAffinity', nodes: 1000, pods: 1000 },
  ];
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    const rates: number[] = [];
    let scheduled = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = runScheduling(c.variant, c.nodes, c.pods, c.pct);
      rates.push(run.podsPerSecond);
      scheduled = run.scheduled;
    }
    rows.push([c.variant, c.nodes, c.pods, c.pct === undefined ? 'adaptive' : `${c.pct}%`, scheduled, Math.round(median(rates)), Math.round(Math.min(...rates)), Math.round(Math.max(...rates))]);
  }
  console.log(`\nkube-scheduler throughput (scheduler_perf workloads, no kubelets), median of ${RUNS} runs\n`);
  console.log(table(['workload', 'nodes', 'pods', 'percentageOfNodesToScore', 'scheduled', 'pods/s (median)', 'min', 'max'], rows));
}

function workloadTable(): void {
  const rows: (string | number)[][] = [];
  for (const replicas of [500, 2000]) {
    const runs = Array.from({ length: Math.max(1, Math.min(RUNS, 3)) }, () => runDeployment(replicas, 100));
    rows.push([
      replicas,
      100,
      median(runs.map((r) => r.createSeconds)).toFixed(2),
      Math.round(median(runs.map((r) => r.createPodsPerSecond))),
      median(runs.map((r) => r.createSimSeconds)),
      median(runs.map((r) => r.createSimSeconds / r.createSeconds)).toFixed(1),
      median(runs.map((r) => r.rollSeconds)).toFixed(2),
      median(runs.map((r) => r.rollSimSeconds)),
      median(runs.map((r) => r.rollSimPerWall)).toFixed(1),
    ]);
  }
  console.log('\nDeployment end to end (controllers, scheduler, kubelets, probes): apply until all available, then a rolling update\n');
  console.log(table(['replicas', 'nodes', 'create wall s', 'pods/s', 'create sim s', 'create sim s per wall s', 'rollout wall s', 'rollout sim s', 'rollout sim s per wall s'], rows));
}

function memoryTable(): void {
  const cases = [
    { pods: 10000, nodes: 1000, traces: false },
    { pods: 2000, nodes: 100, traces: true },
  ];
  const rows = cases.map((c) => {
    const m = memoryForPods(c.pods, c.nodes, c.traces);
    return [c.pods, c.nodes, c.traces ? 'on (the playground)' : 'off', m.heapMiB.toFixed(0), m.buffersMiB.toFixed(0), m.perPodKiB.toFixed(1), m.seconds.toFixed(1)];
  });
  console.log('\nMemory: Running pods (JavaScript heap and ArrayBuffers after GC, node --expose-gc)\n');
  console.log(table(['pods', 'nodes', 'scheduler traces', 'heap MiB', 'buffers MiB', 'KiB per pod', 'wall s to reach'], rows));
}

if (!ONLY || ONLY === 'scheduler') schedulerTable();
if (!ONLY || ONLY === 'workload') workloadTable();
if (!ONLY || ONLY === 'memory') memoryTable();
