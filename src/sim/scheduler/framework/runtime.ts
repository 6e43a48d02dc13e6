// Mirrors pkg/scheduler/framework/runtime/framework.go (frameworkImpl); leaves out Permit, PreBind, PostBind,
// waiting pods, metrics, the parallelizer (everything runs in order on one thread) and extenders.
import type { Pod } from 'kubernetes-types/core/v1';
import type { EventRecorder } from '../../events/recorder';
import type { VirtualClock, VirtualMs } from '../../clock/virtualClock';
import type { ApiClient } from '../../store/types';
import type { FilterVerdicts, PackedTraceWriter } from '../packedTrace';
import type { PluginVerdict } from '../trace';
import type { CycleState } from './cycleState';
import {
  Code,
  MaxNodeScore,
  MinNodeScore,
  NominatingMode,
  PreFilterResult,
  Status,
  asStatus,
  codeString,
  newStatus,
  type BindPlugin,
  type FilterPlugin,
  type Handle,
  type NodeScore,
  type Plugin,
  type PluginFactory,
  type PodNominator,
  type PostFilterPlugin,
  type PostFilterResult,
  type PreEnqueuePlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type QueueSortPlugin,
  type ReservePlugin,
  type ScorePlugin,
  type SharedLister,
} from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { NodeToStatusReader } from './types';

/** PluginConfig enables a plugin in a profile, with its score weight and arguments. */
export interface PluginConfig {
  name: string;
  /** weight of a score plugin; upstream defaults it to 1. */
  weight?: number;
  args?: unknown;
}

/** FrameworkOptions are what a profile's framework needs to build its plugins. */
export interface FrameworkOptions {
  registry: Readonly<Record<string, PluginFactory>>;
  plugins: readonly PluginConfig[];
  client: ApiClient;
  recorder: EventRecorder;
  clock: VirtualClock;
  snapshot: SharedLister;
}

function is<T extends Plugin>(pl: Plugin, method: string): pl is T {
  return typeof (pl as unknown as Record<string, unknown>)[method] === 'function';
}

function priorityOf(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/** verdictOf turns a status into a trace verdict (null is Success). */
export function verdictOf(plugin: string, s: Status | null): PluginVerdict {
  const code = s ? s.code : Code.Success;
  if (s && s.reasons.length > 0) return { plugin, code: codeString(code), reasons: [...s.reasons] };
  return reasonless(plugin, code);
}

/**
 * Verdicts without reasons, one frozen copy per plugin and code: every pod's trace holds a PreFilter and a PreScore
 * verdict from each plugin, nearly all of them a bare Success or Skip (22,000 in a 2,000-pod Deployment's traces).
 */
const REASONLESS = new Map<string, PluginVerdict[]>();

/** Frozen as the verdicts are: a caller that pushed a reason into a shared verdict would throw, not change them all. */
const NO_REASONS = Object.freeze([]) as unknown as string[];

function reasonless(plugin: string, code: Code): PluginVerdict {
  let byCode = REASONLESS.get(plugin);
  if (!byCode) REASONLESS.set(plugin, (byCode = []));
  return (byCode[code] ??= Object.freeze({ plugin, code: codeString(code), reasons: NO_REASONS }));
}

/**
 * Framework runs the plugins of one scheduler profile at each extension point, in the order the profile lists
 * them (the default profile is data: plugins/defaultPlugins.ts). It is also the Handle plugins get.
 */
export class Framework implements Handle {
  readonly queueSortPlugin: QueueSortPlugin;
  readonly preEnqueuePlugins: PreEnqueuePlugin[] = [];
  readonly preFilterPlugins: PreFilterPlugin[] = [];
  readonly filterPlugins: FilterPlugin[] = [];
  readonly postFilterPlugins: PostFilterPlugin[] = [];
  readonly preScorePlugins: PreScorePlugin[] = [];
  readonly scorePlugins: { plugin: ScorePlugin; weight: number }[] = [];
  readonly reservePlugins: ReservePlugin[] = [];
  readonly bindPlugins: BindPlugin[] = [];
  private readonly nodeScorePool: NodeScore[] = [];
  /** rawScores is runScorePlugins' scratch for the plugins' scores, kept between cycles: unboxed, allocated once. */
  private rawScores = new Float64Array(0);
  /** normalizedScores is the same for the scores after NormalizeScore, which a trace records beside the raw ones. */
  private normalizedScores = new Float64Array(0);
  private nominator: PodNominator & { size?(): number } = { nominatedPodsForNode: () => [], size: () => 0 };
  /**
   * activeFilters caches the filter plugins not skipped for a CycleState and their filter methods: filters run once
   * per node, and reading `filter` from each plugin in turn at one place of the loop is a megamorphic lookup.
   */
  private activeFilters: {
    state: CycleState | undefined;
    skip: Set<string> | undefined;
    plugins: FilterPlugin[];
    filters: FilterPlugin['filter'][];
  } = { state: undefined, skip: undefined, plugins: [], filters: [] };

  constructor(private readonly opts: FrameworkOptions) {
    let queueSort: QueueSortPlugin | undefined;
    for (const cfg of opts.plugins) {
      const factory = opts.registry[cfg.name];
      if (!factory) throw new Error(`plugin "${cfg.name}" does not exist`);
      const pl = factory(cfg.args, this);
      // MultiPoint: a plugin is enabled at every extension point it implements.
      if (is<QueueSortPlugin>(pl, 'less')) queueSort = pl;
      if (is<PreEnqueuePlugin>(pl, 'preEnqueue')) this.preEnqueuePlugins.push(pl);
      if (is<PreFilterPlugin>(pl, 'preFilter')) this.preFilterPlugins.push(pl);
      if (is<FilterPlugin>(pl, 'filter')) this.filterPlugins.push(pl);
      if (is<PostFilterPlugin>(pl, 'postFilter')) this.postFilterPlugins.push(pl);
      if (is<PreScorePlugin>(pl, 'preScore')) this.preScorePlugins.push(pl);
      if (is<ScorePlugin>(pl, 'score')) this.scorePlugins.push({ plugin: pl, weight: cfg.weight ?? 1 });
      if (is<ReservePlugin>(pl, 'reserve')) this.reservePlugins.push(pl);
      if (is<BindPlugin>(pl, 'bind')) this.bindPlugins.push(pl);
    }
    if (!queueSort) throw new Error('no queue sort plugin is enabled');
    this.queueSortPlugin = queueSort;
  }

  /** setPodNominator connects the scheduling queue's nominator (created after the framework, which sorts it). */
  setPodNominator(n: PodNominator & { size?(): number }): void {
    this.nominator = n;
  }

  snapshotSharedLister(): SharedLister {
    return this.opts.snapshot;
  }

  clientSet(): ApiClient {
    return this.opts.client;
  }

  eventRecorder(): EventRecorder {
    return this.opts.recorder;
  }

  now(): VirtualMs {
    return this.opts.clock.now();
  }

  podNominator(): PodNominator {
    return this.nominator;
  }

  hasFilterPlugins(): boolean {
    return this.filterPlugins.length > 0;
  }

  hasPostFilterPlugins(): boolean {
    return this.postFilterPlugins.length > 0;
  }

  hasScorePlugins(): boolean {
    return this.scorePlugins.length > 0;
  }

  /**
   * runPreFilterPlugins runs the PreFilter plugins. Plugins returning Skip get their Filter skipped. An
   * UnschedulableAndUnresolvable status stops at once; Unschedulable lets the others run (preemption may still
   * need their state). Results narrowing the nodes are intersected.
   */
  runPreFilterPlugins(
    state: CycleState,
    pod: Pod,
    verdicts?: PluginVerdict[],
  ): { result: PreFilterResult | null; status: Status | null; unschedulablePlugins: Set<string> } {
    let result: PreFilterResult | null = null;
    let returnStatus: Status | null = null;
    const pluginsWithNodes = new Set<string>();
    const skip = new Set<string>();
    const nodes = this.opts.snapshot.nodeInfos().list();
    for (const pl of this.preFilterPlugins) {
      const name = pl.name();
      let r: PreFilterResult | null;
      let s: Status | null;
      try {
        [r, s] = pl.preFilter(state, pod, nodes);
      } catch (e) {
        [r, s] = [null, asStatus(e)];
      }
      verdicts?.push(verdictOf(name, s));
      if (s?.code === Code.Skip) {
        skip.add(name);
        continue;
      }
      if (s && s.code !== Code.Success) {
        s.plugin = name;
        if (s.code === Code.UnschedulableAndUnresolvable) return { result: null, status: s, unschedulablePlugins: new Set([name]) };
        if (s.code === Code.Unschedulable) {
          returnStatus = s;
          continue;
        }
        return { result: null, status: asStatus(new Error(`running PreFilter plugin "${name}": ${s.message()}`)).withPlugin(name), unschedulablePlugins: new Set() };
      }
      if (r && !r.allNodes()) pluginsWithNodes.add(name);
      result = r ? r.merge(result) : result;
      if (result && !result.allNodes() && result.nodeNames!.size === 0) {
        const list = [...pluginsWithNodes].sort();
        const msg = list.length === 1 ? `node(s) didn't satisfy plugin ${list[0]}` : `node(s) didn't satisfy plugin(s) [${list.join(' ')}] simultaneously`;
        return { result, status: newStatus(Code.UnschedulableAndUnresolvable, msg), unschedulablePlugins: pluginsWithNodes };
      }
    }
    state.skipFilterPlugins = skip;
    return { result, status: returnStatus, unschedulablePlugins: returnStatus ? new Set([returnStatus.plugin]) : pluginsWithNodes };
  }

  /**
   * runFilterPlugins runs the Filter plugins on a node and returns the first rejection (with its plugin set), or
   * null. A plugin returning anything other than Success/Unschedulable* is an Error.
   */
  runFilterPlugins(state: CycleState, pod: Pod, nodeInfo: NodeInfo, verdicts?: FilterVerdicts): Status | null {
    const active = this.activeFilters;
    if (active.state !== state || active.skip !== state.skipFilterPlugins) this.activateFilters(state);
    const plugins = active.plugins;
    const filters = active.filters;
    for (let i = 0; i < plugins.length; i++) {
      const pl = plugins[i];
      let s: Status | null;
      try {
        s = filters[i].call(pl, state, pod, nodeInfo);
      } catch (e) {
        s = asStatus(e);
      }
      verdicts?.verdict(pl.name(), s);
      if (s && s.code !== Code.Success) {
        if (!s.isRejected()) s = asStatus(new Error(`running "${pl.name()}" filter plugin: ${s.message()}`));
        s.plugin = pl.name();
        return s;
      }
    }
    return null;
  }

  /**
   * activateFilters picks the filter plugins not skipped for the state. Its closure lives here, not in
   * runFilterPlugins: a closure over a parameter makes V8 allocate a context in every call of its function.
   */
  private activateFilters(state: CycleState): void {
    const active = this.activeFilters;
    active.state = state;
    active.skip = state.skipFilterPlugins;
    active.plugins = this.filterPlugins.filter((pl) => !state.skipFilterPlugins.has(pl.name()));
    active.filters = active.plugins.map((pl) => pl.filter);
  }

  /**
   * runFilterPluginsWithNominatedPods runs the filters twice when higher-or-equal priority pods are nominated to
   * the node: once as if they ran there, and (if that passes) once without them, because some filters (pod
   * affinity) may only pass with them absent. The pod must fit in both cases.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: Pod, info: NodeInfo, verdicts?: FilterVerdicts): Status | null {
    // This is expected to be the case in most cases (no nominated pods): one pass, no copies.
    if (this.nominator.size?.() === 0) return this.runFilterPlugins(state, pod, info, verdicts);
    let status: Status | null = null;
    let podsAdded = false;
    for (let i = 0; i < 2; i++) {
      let stateToUse = state;
      let nodeInfoToUse = info;
      if (i === 0) {
        const added = this.addGENominatedPods(pod, state, info);
        if (added instanceof Status) return added;
        [podsAdded, stateToUse, nodeInfoToUse] = added;
      } else if (!podsAdded || status) {
        break;
      }
      // Only the pass that decides is traced: the last one that runs.
      verdicts?.restart();
      status = this.runFilterPlugins(stateToUse, pod, nodeInfoToUse, verdicts);
      if (status && !status.isRejected()) return status;
    }
    return status;
  }

  private addGENominatedPods(pod: Pod, state: CycleState, nodeInfo: NodeInfo): [boolean, CycleState, NodeInfo] | Status {
    const nominated = this.nominator.nominatedPodsForNode(nodeInfo.nodeName());
    if (nominated.length === 0) return [false, state, nodeInfo];
    const nodeInfoOut = nodeInfo.snapshot();
    const stateOut = state.clone();
    let podsAdded = false;
    for (const pi of nominated) {
      if (priorityOf(pi.pod) >= priorityOf(pod) && pi.pod.metadata?.uid !== pod.metadata?.uid) {
        nodeInfoOut.addPodInfo(pi);
        const s = this.runPreFilterExtensionAddPod(stateOut, pod, pi, nodeInfoOut);
        if (s && s.code !== Code.Success) return asStatus(s.asError());
        podsAdded = true;
      }
    }
    return [podsAdded, stateOut, nodeInfoOut];
  }

  runPreFilterExtensionAddPod(state: CycleState, podToSchedule: Pod, podInfoToAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      const ext = pl.preFilterExtensions();
      if (!ext || state.skipFilterPlugins.has(pl.name())) continue;
      const s = ext.addPod(state, podToSchedule, podInfoToAdd, nodeInfo);
      if (s && s.code !== Code.Success) return asStatus(new Error(`running AddPod on PreFilter plugin "${pl.name()}": ${s.message()}`));
    }
    return null;
  }

  runPreFilterExtensionRemovePod(state: CycleState, podToSchedule: Pod, podInfoToRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      const ext = pl.preFilterExtensions();
      if (!ext || state.skipFilterPlugins.has(pl.name())) continue;
      const s = ext.removePod(state, podToSchedule, podInfoToRemove, nodeInfo);
      if (s && s.code !== Code.Success) return asStatus(new Error(`running RemovePod on PreFilter plugin "${pl.name()}": ${s.message()}`));
    }
    return null;
  }

  /**
   * runPostFilterPlugins runs the PostFilter plugins until one succeeds (or is UnschedulableAndUnresolvable);
   * otherwise their reasons are combined into one Unschedulable status.
   */
  runPostFilterPlugins(state: CycleState, pod: Pod, m: NodeToStatusReader): [PostFilterResult | null, Status] {
    let result: PostFilterResult | null = null;
    const reasons: string[] = [];
    let rejectorPlugin = '';
    for (const pl of this.postFilterPlugins) {
      let r: PostFilterResult | null;
      let s: Status | null;
      try {
        [r, s] = pl.postFilter(state, pod, m);
      } catch (e) {
        [r, s] = [null, asStatus(e)];
      }
      if (!s || s.code === Code.Success) return [r, s ?? newStatus(Code.Success)];
      if (s.code === Code.UnschedulableAndUnresolvable) return [r, s.withPlugin(pl.name())];
      if (!s.isRejected()) return [null, asStatus(s.asError()).withPlugin(pl.name())];
      if (r?.nominatingInfo && r.nominatingInfo.nominatingMode !== NominatingMode.ModeNoop) result = r;
      reasons.push(...s.reasons);
      if (rejectorPlugin === '') rejectorPlugin = pl.name();
    }
    return [result, new Status(Code.Unschedulable, reasons).withPlugin(rejectorPlugin)];
  }

  /** runPreScorePlugins runs the PreScore plugins; those returning Skip get their Score skipped. */
  runPreScorePlugins(state: CycleState, pod: Pod, nodes: NodeInfo[], verdicts?: PluginVerdict[]): Status | null {
    const skip = new Set<string>();
    for (const pl of this.preScorePlugins) {
      let s: Status | null;
      try {
        s = pl.preScore(state, pod, nodes);
      } catch (e) {
        s = asStatus(e);
      }
      verdicts?.push(verdictOf(pl.name(), s));
      if (s?.code === Code.Skip) {
        skip.add(pl.name());
        continue;
      }
      if (s && s.code !== Code.Success) return asStatus(new Error(`running PreScore plugin "${pl.name()}": ${s.message()}`));
    }
    state.skipScorePlugins = skip;
    return null;
  }

  /**
   * runScorePlugins scores every node with every (non-skipped) score plugin, normalizes each plugin's scores,
   * checks they lie in 0..100, applies the weights and sums them per node. Throws an Error status on failure.
   */
  runScorePlugins(state: CycleState, pod: Pod, nodes: NodeInfo[], trace?: PackedTraceWriter): number[] {
    const plugins = this.scorePlugins.filter((p) => !state.skipScorePlugins.has(p.plugin.name()));
    const n = nodes.length;
    const np = plugins.length;
    // Each plugin's score method, read once: read at one place of the loop from each plugin in turn, it would be a
    // megamorphic lookup for every node.
    const scorers = plugins.map((p) => p.plugin);
    const scores = scorers.map((pl) => pl.score);
    // raw[p * n + i] is plugin p's score of node i. Nodes are the outer loop, as upstream (parallel over nodes):
    // each node's data is read once for all plugins, while it is still in the CPU cache.
    if (this.rawScores.length < np * n) [this.rawScores, this.normalizedScores] = [new Float64Array(np * n), new Float64Array(np * n)];
    const [raw, normalizedScores] = [this.rawScores, this.normalizedScores];
    let p = 0;
    try {
      for (let i = 0; i < n; i++) {
        const nodeInfo = nodes[i];
        for (p = 0; p < np; p++) raw[p * n + i] = scores[p].call(scorers[p], state, pod, nodeInfo);
      }
    } catch (e) {
      throw asStatus(new Error(`plugin "${plugins[p].plugin.name()}" failed with: ${e instanceof Error ? e.message : String(e)}`));
    }
    const totals = new Array<number>(n).fill(0);
    for (p = 0; p < np; p++) {
      const { plugin, weight } = plugins[p];
      const name = plugin.name();
      const ext = plugin.scoreExtensions();
      const offset = p * n;
      let normalized: NodeScore[] | undefined;
      if (ext) {
        normalized = this.nodeScoreList(n);
        for (let i = 0; i < n; i++) {
          normalized[i].name = nodes[i].nodeName();
          normalized[i].score = raw[offset + i];
        }
        const s = ext.normalizeScore(state, pod, normalized);
        if (s && s.code !== Code.Success) throw asStatus(new Error(`plugin "${name}" failed with: ${s.message()}`));
      }
      for (let i = 0; i < n; i++) {
        const score = normalized ? normalized[i].score : raw[offset + i];
        if (score > MaxNodeScore || score < MinNodeScore) {
          throw asStatus(new Error(`plugin "${name}" returns an invalid score ${score}, it should in the range of [${MinNodeScore}, ${MaxNodeScore}] after normalizing`));
        }
        totals[i] += score * weight;
        normalizedScores[offset + i] = score;
      }
    }
    trace?.score(
      nodes.map((ni) => ni.nodeName()),
      plugins.map(({ plugin, weight }) => ({ name: plugin.name(), weight })),
      raw,
      normalizedScores,
      totals,
    );
    return totals;
  }

  /**
   * nodeScoreList returns a list of n NodeScores for NormalizeScore, reusing the objects of earlier cycles (a
   * NormalizeScore only changes the scores in place and does not keep the list).
   */
  private nodeScoreList(n: number): NodeScore[] {
    const pool = this.nodeScorePool;
    while (pool.length < n) pool.push({ name: '', score: 0 });
    return n === pool.length ? pool : pool.slice(0, n);
  }

  /** runReservePluginsReserve runs the Reserve plugins; the first failure is returned. */
  runReservePluginsReserve(state: CycleState, pod: Pod, nodeName: string): Status | null {
    for (const pl of this.reservePlugins) {
      const s = pl.reserve(state, pod, nodeName);
      if (s && s.code !== Code.Success) {
        if (s.isRejected()) return s.withPlugin(pl.name());
        return asStatus(new Error(`running Reserve plugin "${pl.name()}": ${s.message()}`)).withPlugin(pl.name());
      }
    }
    return null;
  }

  /** runReservePluginsUnreserve runs the Unreserve of the Reserve plugins, in reverse order. */
  runReservePluginsUnreserve(state: CycleState, pod: Pod, nodeName: string): void {
    for (let i = this.reservePlugins.length - 1; i >= 0; i--) this.reservePlugins[i].unreserve(state, pod, nodeName);
  }

  /** runBindPlugins runs the Bind plugins until one does not Skip. */
  runBindPlugins(state: CycleState, pod: Pod, nodeName: string): Status | null {
    if (this.bindPlugins.length === 0) return newStatus(Code.Skip);
    let status: Status | null = null;
    for (const pl of this.bindPlugins) {
      status = pl.bind(state, pod, nodeName);
      if (status?.code === Code.Skip) continue;
      if (status && status.code !== Code.Success) {
        if (status.isRejected()) return status.withPlugin(pl.name());
        return asStatus(new Error(`running Bind plugin "${pl.name()}": ${status.message()}`)).withPlugin(pl.name());
      }
      return status;
    }
    return status;
  }
}

