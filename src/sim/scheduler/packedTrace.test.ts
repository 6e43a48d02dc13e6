import { describe, expect, it } from 'vitest';
import { Code, Status } from './framework/interface';
import { PackedTraceWriter, unpackTrace } from './packedTrace';
import { SharedLists } from './sharedLists';
import type { SchedulingTrace } from './trace';

const ok = (plugin: string) => ({ plugin, code: 'Success', reasons: [] });
const score = (plugin: string, raw: number, normalized: number, weight: number) => ({ plugin, raw, normalized, weight, weighted: normalized * weight });

/** A pod that fit on node-1 and node-2, not on the control plane (its taint), with node-1 scoring highest. */
const trace: SchedulingTrace = {
  pod: { namespace: 'default', name: 'web', uid: 'uid-1' },
  attempt: 2,
  cycle: 7,
  time: 61_000,
  numAllNodes: 3,
  numFeasibleNodesToFind: 3,
  startNodeIndex: 1,
  preFilter: [ok('NodeResourcesFit')],
  nominatedNode: 'node-1',
  filter: [
    { node: 'node-1', verdicts: [ok('NodeUnschedulable'), ok('TaintToleration'), ok('NodeResourcesFit')], feasible: true },
    { node: 'control-plane', verdicts: [ok('NodeUnschedulable'), { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"] }], feasible: false },
    { node: 'node-2', verdicts: [ok('NodeUnschedulable'), ok('TaintToleration'), ok('NodeResourcesFit')], feasible: true },
  ],
  preScore: [ok('TaintToleration')],
  score: [
    { node: 'node-1', scores: [score('TaintToleration', 0, 100, 3), score('NodeResourcesBalancedAllocation', 97.5, 97.5, 1)], total: 397.5 },
    { node: 'node-2', scores: [score('TaintToleration', 0, 100, 3), score('NodeResourcesBalancedAllocation', 91, 91, 1)], total: 391 },
  ],
  outcome: { result: 'Scheduled', node: 'node-1', totalScore: 397.5, feasibleNodes: 2, evaluatedNodes: 3, tiedNodes: [] },
};

/** write records `t` through a writer, as the scheduler does while it filters and scores. */
function write(t: SchedulingTrace): PackedTraceWriter {
  const writer = new PackedTraceWriter({ ...t, filter: [], score: [] });
  for (const node of t.filter) {
    writer.beginNode();
    for (const v of node.verdicts) writer.verdict(v.plugin, v.code === 'Success' ? null : new Status(Code[v.code as keyof typeof Code], v.reasons));
    writer.endNode(node.node, node.feasible);
  }
  if (t.score.length > 0) {
    const [n, plugins] = [t.score.length, t.score[0].scores.map((s) => ({ name: s.plugin, weight: s.weight }))];
    const [raw, normalized] = [new Float64Array(n * plugins.length), new Float64Array(n * plugins.length)];
    t.score.forEach((node, i) => node.scores.forEach((s, p) => ([raw[p * n + i], normalized[p * n + i]] = [s.raw, s.normalized])));
    writer.score(
      t.score.map((s) => s.node),
      plugins,
      raw,
      normalized,
      t.score.map((s) => s.total),
    );
  }
  return writer;
}

const packTrace = (t: SchedulingTrace) => write(t).pack(new SharedLists());

describe('PackedTraceWriter', () => {
  it('keeps each plugin name and status code once, and each verdict as a pair of indices into them', () => {
    const packed = packTrace(trace);
    expect(packed.names).toEqual(['NodeUnschedulable', 'Success', 'TaintToleration', 'NodeResourcesFit', 'UnschedulableAndUnresolvable', 'NodeResourcesBalancedAllocation']);
    expect([...packed.verdictCounts]).toEqual([3, 2, 3]);
    expect([...packed.feasible]).toEqual([1, 0, 1]);
    expect([...packed.verdicts]).toEqual([0, 1, 2, 1, 3, 1, 0, 1, 2, 4, 0, 1, 2, 1, 3, 1]);
    expect([...packed.reasons]).toEqual([[4, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']]]);
  });

  it('keeps scores as raw and normalized values, with one weight per plugin', () => {
    const packed = packTrace(trace);
    expect([...packed.scorePlugins]).toEqual([2, 5]);
    expect([...packed.weights]).toEqual([3, 1]);
    expect([...packed.scoreValues]).toEqual([0, 100, 97.5, 97.5, 0, 100, 91, 91]);
    expect([...packed.totals]).toEqual([397.5, 391]);
  });
});

describe('unpackTrace', () => {
  it('gives back the trace it was packed from, to the byte of its JSON', () => {
    expect(JSON.stringify(unpackTrace(packTrace(trace)))).toBe(JSON.stringify(trace));
  });

  it('gives back an Unschedulable attempt that evaluated no node', () => {
    const failed: SchedulingTrace = { ...trace, filter: [], score: [], postFilter: { plugin: 'DefaultPreemption', code: 'Unschedulable', reasons: ['No preemption victims found for incoming pod.'] }, outcome: { result: 'Unschedulable', message: '0/3 nodes are available.' } };
    expect(JSON.stringify(unpackTrace(packTrace(failed)))).toBe(JSON.stringify(failed));
  });

  it("forgets the verdicts of a node's first filter pass when a second pass restarts it", () => {
    const writer = new PackedTraceWriter({ ...trace, filter: [], score: [] });
    writer.beginNode();
    writer.verdict('NodeUnschedulable', null);
    writer.verdict('NodeResourcesFit', new Status(Code.Unschedulable, ['Insufficient cpu']));
    writer.restart();
    writer.verdict('NodeUnschedulable', null);
    writer.verdict('NodeResourcesFit', null);
    writer.endNode('node-1', true);
    expect(unpackTrace(writer.pack(new SharedLists())).filter).toEqual([{ node: 'node-1', verdicts: [ok('NodeUnschedulable'), ok('NodeResourcesFit')], feasible: true }]);
  });

  it('hands out copies of the reasons, so a caller that changes them leaves the kept trace as it was', () => {
    const packed = packTrace(trace);
    unpackTrace(packed).filter[1].verdicts[1].reasons.push('changed');
    expect(unpackTrace(packed).filter[1].verdicts[1].reasons).toEqual(['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
  });
});
