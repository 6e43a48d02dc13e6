import { createCluster, type Cluster, type ChangeBatch, type KubeObject } from '../sim/index';
import { PROTOCOL_VERSION, UNMIRRORED_KINDS, type Command, type NodeAction, type PodAction, type WorkerMessage } from './protocol';
import { eventsAbout } from './eventsAbout';
import { encodeBatch, mirrored, wireKey } from './wireBatch';
import { KubectlSessions } from './kubectlSessions';
import { laggingSpeed, PaceMeter } from './paceMeter';

/** How often the host advances virtual time while playing, in wall-clock ms. */
export const TICK_MS = 100;

/**
 * The wall-clock ms one tick may spend advancing the cluster. A 2,000-pod rollout at 100x is more work than a tick
 * allows: unbounded, one tick ran for seconds, pause and step waited behind it and the UI saw the whole rollout at
 * once. Bounded, virtual time runs slower than chosen (the status says how fast) and everything stays responsive.
 */
export const TICK_BUDGET_MS = 50;

/**
 * tickBudgetMs is the budget on a machine with `cores` logical processors: on two or fewer, 18 ms of each 100 ms
 * tick. There the simulation, the threads that collect its garbage and V8's compiler threads took the processor the
 * page needed to draw: in the UI benchmark (2,000 pods, 100 nodes, 100x) the page's own work per frame stayed near
 * 6-7 ms of CPU (p95) while its frames took 9.3-11.2 ms of wall time (p95, three runs) at a 25 ms budget, and
 * 7.6-9.2 ms (four runs) at 18 ms. The benchmark's 2,000-pod rollout then takes 11-12 s of wall time instead of 9-10 s.
 */
export function tickBudgetMs(cores: number): number {
  return cores <= 2 ? SMALL_MACHINE_BUDGET_MS : TICK_BUDGET_MS;
}

/** The tick budget on a machine with two logical processors or fewer (see tickBudgetMs). */
export const SMALL_MACHINE_BUDGET_MS = 18;

/** Virtual ms advanced between two looks at the wall clock within a tick. */
export const SLICE_MS = 100;

/**
 * While playing, the ticks' changes go to the page every this many ticks, merged (commands' go at once). The page
 * updates its store at most every 250 ms while playing (see MIN_INTERVAL_MS in src/ui/store/inbox.ts): of the
 * batches a tick each that reached it, most carried versions of pods that a later batch replaced before the store
 * saw them, and actions and Events that a later batch pushed out of its windows, all of it cloned onto the page's
 * heap on arrival and dropped a few scavenges later.
 */
export const POST_EVERY_TICKS = 3;

/** Ticker abstracts the wall clock (its timer and its time) so the host runs under tests without real time. */
export interface Ticker {
  start(everyMs: number, tick: () => void): () => void;
  /** now is wall-clock ms (performance.now in the worker). */
  now(): number;
}

/**
 * SimHost owns the cluster inside the worker: it turns commands into calls on the cluster, runs virtual time at
 * the chosen speed while playing, and merges change batches so the UI gets one per POST_EVERY_TICKS ticks while
 * playing, and one after each command.
 */
export class SimHost {
  private cluster!: Cluster;
  private pending: ChangeBatch[] = [];
  private playing = true;
  private speed = 1;
  private readonly pace = new PaceMeter();
  /** The speed last reported as kept, when below the chosen one. */
  private lagging: number | undefined;
  private stopTicker: (() => void) | undefined;
  private readonly kubectl: KubectlSessions;
  /** The last traffic sample sent, and whether the last traffic message reported running flows. */
  private sentSample = 0;
  private trafficRunning = false;
  /** The port-forwards last sent, joined, to send them again only when they change. */
  private sentForwards = '';
  /** Ticks since the last batch went to the page, and the virtual time it carried. */
  private ticksSincePost = 0;
  private postedTime = 0;

  constructor(
    private readonly post: (message: WorkerMessage) => void,
    private readonly ticker: Ticker,
    private readonly budgetMs = TICK_BUDGET_MS,
  ) {
    this.kubectl = new KubectlSessions(post);
    this.reset(1);
    this.setPlaying(true);
  }

  handle(command: Command): void {
    try {
      this.dispatch(command);
    } catch (err) {
      this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
    this.flush();
  }

  private dispatch(command: Command): void {
    switch (command.type) {
      case 'hello':
        return this.sendReady();
      case 'apply':
        return this.post({ type: 'applied', id: command.id, results: this.cluster.apply(command.yaml) });
      case 'delete':
        return this.cluster.delete(command.ref.kind, command.ref.namespace, command.ref.name);
      case 'play':
        return this.setPlaying(true);
      case 'pause':
        return this.setPlaying(false);
      case 'step':
        this.setPlaying(false);
        this.cluster.step();
        return;
      case 'setSpeed':
        this.speed = Math.min(100, Math.max(0.25, command.speed));
        this.pace.reset();
        this.lagging = undefined;
        return this.postStatus();
      case 'reset':
        this.reset(command.seed ?? 1, command.workers);
        return this.sendReady();
      case 'nodeAction':
        return this.notice(this.nodeAction(command.node, command.action));
      case 'addNode':
        return this.notice(`node/${this.cluster.addNode({ name: this.nextNodeName() }).metadata.name} joined the cluster`);
      case 'podAction':
        return this.notice(this.podAction(command.namespace, command.name, command.action));
      case 'scale':
        return this.notice(this.cluster.scale('Deployment', command.namespace, command.name, command.replicas));
      case 'setImage':
        return this.notice(this.cluster.setImage(command.namespace, command.name, command.image));
      case 'trace':
        return this.post({ type: 'trace', id: command.id, trace: this.cluster.schedulingTrace(command.namespace, command.name) });
      case 'get':
        return this.post({ type: 'object', id: command.id, object: this.cluster.get(command.ref.kind, command.ref.namespace, command.ref.name) });
      case 'eventsAbout':
        return this.post({ type: 'events', id: command.id, events: eventsAbout(this.cluster, command.ref) });
      case 'kubectl':
        return this.kubectl.run(this.cluster, command.id, command.line, command.files);
      case 'kubectlCancel':
        return this.kubectl.cancel(command.id);
      case 'kubectlComplete':
        return this.post({ type: 'completions', id: command.id, candidates: this.cluster.completeKubectl(command.line) });
      case 'traffic':
        if (command.action === 'start') this.cluster.network.traffic.start(command.flow);
        else this.cluster.network.traffic.stop(command.id);
        this.trafficRunning = true;
        return;
    }
  }

  private nodeAction(node: string, action: NodeAction): string {
    switch (action) {
      case 'cordon':
        return this.cluster.cordon(node);
      case 'uncordon':
        return this.cluster.uncordon(node);
      case 'drain':
        return this.cluster.drain(node).join('\n');
      case 'kill':
        return this.cluster.killNode(node);
      case 'restart':
        return this.cluster.restartNode(node);
    }
  }

  private podAction(namespace: string, name: string, action: PodAction): string {
    switch (action) {
      case 'delete':
        this.cluster.delete('Pod', namespace, name);
        return `pod "${name}" deleted`;
      case 'crash':
        return this.cluster.crashContainer(namespace, name);
      case 'failLiveness':
        return this.cluster.setProbeOverride(namespace, name, 'liveness', 'fail');
      case 'failReadiness':
        return this.cluster.setProbeOverride(namespace, name, 'readiness', 'fail');
      case 'healProbes':
        return this.cluster.healProbes(namespace, name);
    }
  }

  private nextNodeName(): string {
    const taken = new Set(this.cluster.list('Node').map((n) => n.metadata.name));
    let i = 1;
    while (taken.has(`node-${i}`)) i++;
    return `node-${i}`;
  }

  private notice(message: string): void {
    this.post({ type: 'notice', message });
  }

  /** reset starts a new cluster from the seed; `workers` asks for that many worker nodes instead of three. */
  private reset(seed: number, workers?: number): void {
    const nodes = workers === undefined ? undefined : [{ name: 'control-plane', cpu: '2', memory: '4Gi', controlPlane: true }, ...Array.from({ length: workers }, (_, i) => ({ name: `node-${i + 1}` }))];
    this.kubectl.closeAll();
    // The playground's cluster is a fresh kubeadm cluster with its add-ons: CoreDNS and an ingress controller.
    this.cluster = createCluster({ seed, nodes, addons: true });
    this.pending = [];
    this.postedTime = this.cluster.now();
    this.sentSample = 0;
    this.trafficRunning = false;
    this.sentForwards = '';
    this.cluster.subscribe((batch) => this.pending.push(batch));
  }

  private sendReady(): void {
    const objects: KubeObject[] = [];
    for (const spec of this.cluster.registry.all()) if (!UNMIRRORED_KINDS.has(spec.kind)) objects.push(...this.cluster.list(spec.kind).map(mirrored));
    this.pending = [];
    this.postedTime = this.cluster.now();
    this.post({ type: 'ready', version: PROTOCOL_VERSION, time: this.postedTime, objects, actions: [...this.cluster.actions()] });
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    this.pace.reset();
    this.lagging = undefined;
    this.stopTicker?.();
    this.stopTicker = playing ? this.ticker.start(TICK_MS, () => this.tick()) : undefined;
    this.postStatus();
  }

  /**
   * tick advances virtual time by TICK_MS times the speed, or as far as the tick budget's work gets it. A failure
   * inside the simulation is reported to the page, and the next tick goes on from where the clock stopped: an
   * exception left in a timer callback would only reach the worker's console.
   */
  private tick(): void {
    const target = this.cluster.now() + TICK_MS * this.speed;
    try {
      const deadline = this.ticker.now() + this.budgetMs;
      while (this.cluster.now() < target && this.ticker.now() < deadline) this.cluster.advance(Math.min(SLICE_MS, target - this.cluster.now()));
    } catch (err) {
      this.post({ type: 'error', message: `the simulation failed at ${this.cluster.now()} ms: ${err instanceof Error ? err.message : String(err)}` });
    }
    if (++this.ticksSincePost >= POST_EVERY_TICKS) this.flush();
    else this.flushTraffic();
    this.pace.record(this.ticker.now(), this.cluster.now());
    const lagging = laggingSpeed(this.speed, this.pace.speed());
    if (lagging !== this.lagging) {
      this.lagging = lagging;
      this.postStatus();
    }
  }

  private postStatus(): void {
    this.post({ type: 'status', playing: this.playing, speed: this.speed, ...(this.lagging === undefined ? {} : { keptSpeed: this.lagging }) });
  }

  /**
   * flushTraffic sends the traffic counters and new samples while flows run and once more after the last stops, and
   * the port-forwards whenever they change.
   */
  private flushTraffic(): void {
    const traffic = this.cluster.network.traffic;
    const flows = traffic.flows();
    const portForwards = this.cluster.network.portForwards.ports();
    const forwardsChanged = portForwards.join() !== this.sentForwards;
    if (flows.length === 0 && !this.trafficRunning && !forwardsChanged) return;
    this.trafficRunning = flows.length > 0;
    this.sentForwards = portForwards.join();
    const samples = traffic.samplesAfter(this.sentSample);
    if (samples.length > 0) this.sentSample = samples[samples.length - 1].seq;
    this.post({ type: 'traffic', flows, stats: traffic.stats(), samples, portForwards });
  }

  /**
   * flush merges the batches gathered since the last post into one, the latest version of each object winning, and
   * leaves out the kinds the page does not mirror. It posts even with nothing to carry while virtual time has moved
   * on: the batch carries the clock the page shows, which otherwise stood still while nothing changed.
   */
  private flush(): void {
    this.flushTraffic();
    this.ticksSincePost = 0;
    const batches = this.pending;
    const time = this.cluster.now();
    if (batches.length === 0 && time === this.postedTime) return;
    this.pending = [];
    this.postedTime = time;
    const merged = new Map<string, KubeObject>();
    const deleted = new Map<string, ChangeBatch['deleted'][number]>();
    for (const batch of batches) {
      for (const obj of batch.upserted) {
        if (UNMIRRORED_KINDS.has(obj.kind)) continue;
        const key = wireKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
        deleted.delete(key);
        merged.set(key, obj);
      }
      for (const ref of batch.deleted) {
        if (UNMIRRORED_KINDS.has(ref.kind)) continue;
        const key = wireKey(ref.kind, ref.namespace, ref.name);
        merged.delete(key);
        deleted.set(key, ref);
      }
    }
    const batch = { time, upserted: [...merged.values()], deleted: [...deleted.values()], actions: batches.flatMap((b) => b.actions) };
    for (const message of encodeBatch(batch)) this.post(message);
  }
}
