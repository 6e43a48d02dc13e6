// Scheduler throughput: N pods (cpu 100m, memory 500Mi, requests = limits) onto M nodes (cpu 4, memory 32Gi,
// pods 110), tracing off, on the scheduler's in-memory test client. Prints pods/s of wall time and per CPU
// second (the latter is steadier on a busy machine).
//   npx tsx bench/schedulerThroughput.ts [pods=10000] [nodes=1000]
import { SeededRandom } from '../src/sim/clock/random';
import { VirtualClock } from '../src/sim/clock/virtualClock';
import { EventRecorder } from '../src/sim/events/recorder';
import { Scheduler } from '../src/sim/scheduler/scheduler';
import { FakeClient } from '../src/sim/scheduler/testing/fakeClient';
import { makeNode, makePod } from '../src/sim/scheduler/testing/wrappers';

const numPods = Number(process.argv[2] ?? 10_000);
const numNodes = Number(process.argv[3] ?? 1_000);
const ctx = { actor: 'bench', reason: 'benchmark' };

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function run(): { podsPerSecond: number; scheduleMs: number; createMs: number; cpuPodsPerSecond: number } {
  const client = new FakeClient();
  const clock = new VirtualClock();
  const scheduler = new Scheduler({ client, clock, random: new SeededRandom(1), recorder: new EventRecorder(client, clock), trace: false });
  for (let i = 0; i < numNodes; i++) {
    client.create(makeNode().name(`node-${i}`).capacity({ cpu: '4', memory: '32Gi', pods: '110' }).obj(), ctx);
  }
  const resources = { cpu: '100m', memory: '500Mi' };
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let i = 0; i < numPods; i++) {
    const pod = makePod().name(`pod-${i}`).uid(`uid-pod-${i}`).obj();
    pod.spec!.containers.push({ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests: resources, limits: resources } });
    client.create(pod, ctx);
  }
  const t1 = performance.now();
  while (clock.runNext());
  const t2 = performance.now();
  const c2 = cpuMs();
  const bound = client.list('Pod').filter((p) => (p.spec as { nodeName?: string }).nodeName).length;
  if (bound !== numPods) throw new Error(`only ${bound} of ${numPods} pods were bound`);
  scheduler.stop();
  return { podsPerSecond: numPods / ((t2 - t0) / 1000), scheduleMs: t2 - t1, createMs: t1 - t0, cpuPodsPerSecond: numPods / ((c2 - c0) / 1000) };
}

for (let round = 1; round <= 3; round++) {
  const r = run();
  console.log(
    `round ${round}: ${numPods} pods on ${numNodes} nodes: ${Math.round(r.podsPerSecond)} pods/s ` +
      `(create+enqueue ${r.createMs.toFixed(0)} ms, schedule+bind ${r.scheduleMs.toFixed(0)} ms, ` +
      `${Math.round(numPods / (r.scheduleMs / 1000))} pods/s scheduling alone; ${Math.round(r.cpuPodsPerSecond)} pods per CPU-second)`,
  );
}
