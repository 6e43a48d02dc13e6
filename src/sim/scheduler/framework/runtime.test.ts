// Tests after pkg/scheduler/framework/runtime/framework_test.go: extension points run in profile order, Skip,
// first-failure filters, PreFilterResult merging, score weights and normalization, nominated pods.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { VirtualClock } from '../../clock/virtualClock';
import { EventRecorder } from '../../events/recorder';
import { newSnapshot } from '../cache/snapshot';
import * as fit from '../plugins/noderesources/fit';
import * as queuesort from '../plugins/queuesort/prioritySort';
import { FakeClient } from '../testing/fakeClient';
import { makeNode, makePod } from '../testing/wrappers';
import { CycleState } from './cycleState';
import { Code, PreFilterResult, newStatus, type NodeScoreList, type Plugin, type PluginFactory, type Status } from './interface';
import { PodInfo } from './podInfo';
import { PackedTraceWriter, unpackTrace } from '../packedTrace';
import { SharedLists } from '../sharedLists';
import { Framework, type PluginConfig } from './runtime';

interface FakeBehaviour {
  preFilter?: [PreFilterResult | null, Status | null];
  filter?: Status | null;
  score?: number | ((node: string) => number);
  normalize?: (scores: NodeScoreList) => void;
}

function fakePlugin(name: string, b: FakeBehaviour): Plugin {
  const pl: Record<string, unknown> = { name: () => name };
  if (b.preFilter) Object.assign(pl, { preFilter: () => b.preFilter, preFilterExtensions: () => null });
  if (b.filter !== undefined) pl.filter = () => b.filter;
  if (b.score !== undefined) {
    pl.score = (_s: CycleState, _p: Pod, ni: { nodeName(): string }) => (typeof b.score === 'function' ? b.score(ni.nodeName()) : b.score);
    pl.scoreExtensions = () => (b.normalize ? { normalizeScore: (_s: CycleState, _p: Pod, scores: NodeScoreList) => (b.normalize!(scores), null) } : null);
  }
  return pl as unknown as Plugin;
}

function framework(plugins: Record<string, FakeBehaviour>, weights: Record<string, number> = {}, pods: Pod[] = []) {
  const nodes = [makeNode().name('n1').capacity({ cpu: '1', memory: '1Gi', pods: '10' }).obj(), makeNode().name('n2').capacity({ cpu: '1', memory: '1Gi', pods: '10' }).obj()];
  const registry: Record<string, PluginFactory> = { PrioritySort: queuesort.New, NodeResourcesFit: fit.New };
  const configs: PluginConfig[] = [{ name: 'PrioritySort' }];
  for (const [name, b] of Object.entries(plugins)) {
    if (!registry[name]) registry[name] = () => fakePlugin(name, b);
    configs.push({ name, weight: weights[name] });
  }
  const client = new FakeClient();
  const clock = new VirtualClock();
  const snapshot = newSnapshot(pods, nodes);
  const fwk = new Framework({ registry, plugins: configs, client, recorder: new EventRecorder(client, clock), clock, snapshot });
  return { fwk, snapshot };
}

const pod = makePod().name('p').req({ cpu: '600m' }).obj();

/** newWriter records one attempt of `pod`; the tests read back the per-node parts they filled. */
function newWriter(): PackedTraceWriter {
  return new PackedTraceWriter({ pod: { namespace: 'default', name: 'p', uid: '' }, attempt: 1, cycle: 1, time: 0, numAllNodes: 2, numFeasibleNodesToFind: 2, startNodeIndex: 0, preFilter: [], filter: [], preScore: [], score: [] });
}

describe('Framework', () => {
  it('stops filtering a node at the first rejection and names the plugin', () => {
    const { fwk, snapshot } = framework({ A: { filter: null }, B: { filter: newStatus(Code.Unschedulable, 'b says no') }, C: { filter: newStatus(Code.Unschedulable, 'c says no') } });
    const trace = newWriter();
    trace.beginNode();
    const s = fwk.runFilterPlugins(new CycleState(), pod, snapshot.list()[0], trace);
    trace.endNode('n1', false);
    expect([s?.code, s?.plugin, s?.message()]).toEqual([Code.Unschedulable, 'B', 'b says no']);
    expect(unpackTrace(trace.pack(new SharedLists())).filter[0].verdicts).toEqual([
      { plugin: 'A', code: 'Success', reasons: [] },
      { plugin: 'B', code: 'Unschedulable', reasons: ['b says no'] },
    ]);
  });

  it('turns a filter status other than success or rejection into an Error', () => {
    const { fwk, snapshot } = framework({ A: { filter: newStatus(Code.Wait, 'hmm') } });
    const s = fwk.runFilterPlugins(new CycleState(), pod, snapshot.list()[0]);
    expect([s?.code, s?.plugin, s?.message()]).toEqual([Code.Error, 'A', 'running "A" filter plugin: hmm']);
  });

  it('skips the Filter of a plugin whose PreFilter returned Skip', () => {
    const { fwk, snapshot } = framework({ A: { preFilter: [null, newStatus(Code.Skip)], filter: newStatus(Code.Unschedulable, 'never') } });
    const state = new CycleState();
    expect(fwk.runPreFilterPlugins(state, pod).status).toBeNull();
    expect(fwk.runFilterPlugins(state, pod, snapshot.list()[0])).toBeNull();
  });

  it('stops PreFilter at UnschedulableAndUnresolvable', () => {
    const { fwk } = framework({ A: { preFilter: [null, newStatus(Code.UnschedulableAndUnresolvable, 'nope')] }, B: { preFilter: [null, newStatus(Code.Error, 'not reached')] } });
    const r = fwk.runPreFilterPlugins(new CycleState(), pod);
    expect([r.status?.code, r.status?.plugin, [...r.unschedulablePlugins]]).toEqual([Code.UnschedulableAndUnresolvable, 'A', ['A']]);
  });

  it('intersects PreFilter node sets and rejects when nothing is left', () => {
    const { fwk } = framework({ A: { preFilter: [new PreFilterResult(new Set(['n1', 'n2'])), null] }, B: { preFilter: [new PreFilterResult(new Set(['n2'])), null] } });
    expect([...fwk.runPreFilterPlugins(new CycleState(), pod).result!.nodeNames!]).toEqual(['n2']);
    const empty = framework({ A: { preFilter: [new PreFilterResult(new Set(['n1'])), null] }, B: { preFilter: [new PreFilterResult(new Set(['n2'])), null] } });
    const r = empty.fwk.runPreFilterPlugins(new CycleState(), pod);
    expect([r.status?.code, r.status?.message()]).toEqual([Code.UnschedulableAndUnresolvable, "node(s) didn't satisfy plugin(s) [A B] simultaneously"]);
  });

  it('normalizes, weighs and sums scores per node', () => {
    const { fwk, snapshot } = framework(
      { A: { score: (n) => (n === 'n1' ? 1 : 3), normalize: (s) => s.forEach((x) => (x.score *= 10)) }, B: { score: 7 } },
      { A: 2, B: 3 },
    );
    const trace = newWriter();
    const totals = fwk.runScorePlugins(new CycleState(), pod, snapshot.list(), trace);
    expect(totals).toEqual([20 + 21, 60 + 21]);
    expect(unpackTrace(trace.pack(new SharedLists())).score).toEqual([
      {
        node: 'n1',
        scores: [
          { plugin: 'A', raw: 1, normalized: 10, weight: 2, weighted: 20 },
          { plugin: 'B', raw: 7, normalized: 7, weight: 3, weighted: 21 },
        ],
        total: 41,
      },
      {
        node: 'n2',
        scores: [
          { plugin: 'A', raw: 3, normalized: 30, weight: 2, weighted: 60 },
          { plugin: 'B', raw: 7, normalized: 7, weight: 3, weighted: 21 },
        ],
        total: 81,
      },
    ]);
  });

  it('rejects a normalized score outside 0..100', () => {
    const { fwk, snapshot } = framework({ A: { score: 101 } });
    expect(() => fwk.runScorePlugins(new CycleState(), pod, snapshot.list())).toThrow();
    try {
      fwk.runScorePlugins(new CycleState(), pod, snapshot.list());
    } catch (s) {
      expect((s as Status).message()).toBe('plugin "A" returns an invalid score 101, it should in the range of [0, 100] after normalizing');
    }
  });

  it('filters as if higher-or-equal priority nominated pods already ran on the node', () => {
    const { fwk, snapshot } = framework({ NodeResourcesFit: {} });
    const nominated = new PodInfo(makePod().name('big').priority(10).req({ cpu: '600m' }).obj());
    fwk.setPodNominator({ nominatedPodsForNode: (n) => (n === 'n1' ? [nominated] : []), size: () => 1 });
    const state = new CycleState();
    fwk.runPreFilterPlugins(state, pod);
    const [n1, n2] = snapshot.list();
    expect(fwk.runFilterPluginsWithNominatedPods(state, pod, n1)?.message()).toBe('Insufficient cpu');
    expect(fwk.runFilterPluginsWithNominatedPods(state, pod, n2)).toBeNull();
    // A higher-priority pod does not yield to a lower-priority nominated pod.
    const urgent = makePod().name('urgent').priority(100).req({ cpu: '600m' }).obj();
    const s2 = new CycleState();
    fwk.runPreFilterPlugins(s2, urgent);
    expect(fwk.runFilterPluginsWithNominatedPods(s2, urgent, n1)).toBeNull();
  });
});
