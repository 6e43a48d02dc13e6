import { describe, expect, it } from 'vitest';
import type { SchedulingTrace } from '../../sim/index';
import { traceRows } from './traceRows';

const trace: SchedulingTrace = {
  pod: { namespace: 'default', name: 'web', uid: 'u' },
  attempt: 1,
  cycle: 1,
  time: 0,
  numAllNodes: 3,
  numFeasibleNodesToFind: 3,
  startNodeIndex: 0,
  preFilter: [],
  filter: [
    { node: 'control-plane', feasible: false, verdicts: [{ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) had untolerated taint(s)"] }] },
    { node: 'node-1', feasible: true, verdicts: [{ plugin: 'TaintToleration', code: 'Success', reasons: [] }] },
    { node: 'node-2', feasible: true, verdicts: [{ plugin: 'TaintToleration', code: 'Success', reasons: [] }] },
  ],
  preScore: [],
  score: [
    { node: 'node-1', total: 300, scores: [{ plugin: 'TaintToleration', raw: 0, normalized: 100, weight: 3, weighted: 300 }] },
    { node: 'node-2', total: 330, scores: [{ plugin: 'TaintToleration', raw: 0, normalized: 110, weight: 3, weighted: 330 }] },
  ],
  outcome: { result: 'Scheduled', node: 'node-2', totalScore: 330, feasibleNodes: 2, evaluatedNodes: 3, tiedNodes: ['node-2'] },
};

describe('scheduling trace table', () => {
  it('puts the chosen node first, then other feasible nodes by total, then rejected nodes with their reason', () => {
    const { plugins, rows } = traceRows(trace);
    expect(plugins).toEqual([{ name: 'TaintToleration', short: 'Taint', weight: 3 }]);
    expect(rows.map((r) => [r.node, r.chosen, r.total, r.filterText])).toEqual([
      ['node-2', true, 330, 'all filters passed'],
      ['node-1', false, 300, 'all filters passed'],
      ['control-plane', false, undefined, "TaintToleration: node(s) had untolerated taint(s)"],
    ]);
  });
});
