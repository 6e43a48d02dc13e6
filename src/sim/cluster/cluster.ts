import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../api/object';
import { VirtualClock, type VirtualMs } from '../clock/virtualClock';
import { deriveSeed, SeededRandom } from '../clock/random';
import { rfc3339 } from '../clock/timeFormat';
import { EventRecorder } from '../events/recorder';
import { DEFAULT_KINDS } from '../kinds/index';
import { KindRegistry } from '../kinds/registry';
import { ObjectStore } from '../store/objectStore';
import { ACTION_HISTORY } from '../store/actionLog';
import { namespaceLifecycle } from '../store/admission/namespaceLifecycle';
import { defaultTolerationSeconds } from '../store/admission/defaultTolerationSeconds';
import { priorityAdmission } from '../store/admission/priority';
import { ServiceAllocation } from '../store/admission/serviceAllocation';
import { defaultIngressClass } from '../store/admission/defaultIngressClass';
import type { Action, ApiClient, DeleteOptions, ListOptions } from '../store/types';
import { Scheduler } from '../scheduler/scheduler';
import type { SchedulingTrace } from '../scheduler/trace';
import { applyManifests, type ApplyResult } from '../apply/apply';
import { ChangeCollector, type ChangeBatch } from './changeBatch';
import { NodeAgents } from './nodeAgents';
import type { ProbeType } from '../kubelet/prober/types';
import type { ProbeOverride } from '../kubelet/behaviour/probeOverrides';
import { bootstrap } from './bootstrap';
import { InformerFactory } from '../client/informer';
import type { ControllerContext } from '../controllers/controllerContext';
import { startControllers } from '../controllers/index';
import { DEFAULT_NODES, nodeObject, type NodeOptions } from './nodeTemplate';
import { clusterAddons, kubernetesService } from './addons';
import { reconcileApiserverEndpoints } from '../controllers/endpoint/apiserverEndpoints';
import { createNetwork, IngressNginxController, type Network, type PodEndpointServer } from '../network/index';
import { runKubectl } from '../kubectl/kubectl';
import type { KubectlContext, KubectlResult } from '../kubectl/verb';
import { completeKubectl } from '../kubectl/completion';
import { ContainerLogBook } from '../kubelet/logs/containerLogBook';
import { NO_OUTPUT } from '../kubelet/logs/programOutput';
import { programFor } from '../kubelet/behaviour/program';
import type { ServedHttpRequest } from './nodeAgents';

export interface ClusterOptions {
  /** Seed of the cluster's random generator: same seed and commands, same history. Default 1. */
  seed?: number;
  /** The machines; default one control-plane node and three workers. */
  nodes?: readonly NodeOptions[];
  /** kube-scheduler's percentageOfNodesToScore; default adaptive, as upstream. */
  percentageOfNodesToScore?: number;
  /** Record a SchedulingTrace for every attempt (the "why this node" view). Default true. */
  schedulerTrace?: boolean;
  /**
   * Which kube-controller-manager controllers run (default all). Component tests that drive a controller by hand
   * turn them off to run their own.
   */
  controllers?: boolean;
  /** Whether each node runs a kubelet (default true). Kubelet tests run their own. */
  kubelets?: boolean;
  /**
   * Install what `kubeadm init`'s addon phase adds (CoreDNS and the kube-dns Service) and an ingress-nginx
   * controller, as a fresh real cluster has them. The playground turns this on; default false, as
   * `kubeadm init --skip-phases=addon/coredns` would leave it, so component tests see only their own pods.
   */
  addons?: boolean;
  /** How many of the newest narrated actions `actions()` keeps; default ACTION_HISTORY. */
  actionHistory?: number;
}

/** Without machines nothing answers: every connection to a pod times out. */
const NO_MACHINES: PodEndpointServer = { answer: () => ({ kind: 'timeout' }) };

export interface SettleOptions {
  /** Give up after this much virtual time. Default 10 minutes. */
  timeoutMs?: VirtualMs;
}

/** How far step() will move the clock looking for the next narrated action before it gives up. */
const STEP_HORIZON_MS = 60 * 60 * 1000;

/**
 * Cluster is Kubeplay's public face: one simulated Kubernetes cluster with its API server, scheduler and clock.
 * The web worker, the tests and the benchmarks all drive the simulation through it and nothing deeper.
 */
export class Cluster {
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly registry: KindRegistry;
  private readonly store: ObjectStore;
  private readonly scheduler: Scheduler;
  private readonly collector = new ChangeCollector();
  private readonly listeners = new Set<(batch: ChangeBatch) => void>();
  /** How many actions had been narrated at the last change batch. */
  private flushedActions = 0;
  private readonly actionHistory: number;
  private nodeCount = 0;
  private agents: NodeAgents | undefined;
  /** The data plane: DNS, kube-proxy, the cloud load balancer, ingress and traffic. */
  readonly network: Network;
  /** What containers print, as `kubectl logs` reads it. */
  private readonly logs: ContainerLogBook;

  constructor(options: ClusterOptions = {}) {
    this.clock = new VirtualClock();
    this.actionHistory = options.actionHistory ?? ACTION_HISTORY;
    this.random = new SeededRandom(options.seed ?? 1);
    this.registry = new KindRegistry(DEFAULT_KINDS);
    const namespaced = (kind: string) => this.registry.forKind(kind)?.namespaced ?? false;
    this.store = new ObjectStore({
      clock: this.clock,
      random: this.random,
      registry: this.registry,
      admission: [
        namespaceLifecycle(namespaced),
        new ServiceAllocation(new SeededRandom(deriveSeed(options.seed ?? 1, 'service-allocator'))),
        defaultIngressClass,
        defaultTolerationSeconds,
        priorityAdmission,
      ],
    });
    this.store.watchAll((event) => this.collector.add(event));
    const recorder = new EventRecorder(this.store, this.clock);
    this.scheduler = new Scheduler({
      client: this.store,
      clock: this.clock,
      random: this.random,
      recorder,
      percentageOfNodesToScore: options.percentageOfNodesToScore,
      trace: options.schedulerTrace ?? true,
    });
    const informers = new InformerFactory(this.store);
    if (options.controllers ?? true) {
      const context: ControllerContext = { client: this.store, informers, clock: this.clock, random: this.random, recorder };
      startControllers(context, { nodeLifecycle: options.kubelets ?? true });
    }
    this.logs = new ContainerLogBook({ client: this.store, clock: this.clock, outputOf: (c) => programFor(c).output ?? NO_OUTPUT });
    if (options.kubelets ?? true) {
      const onServed = (r: ServedHttpRequest) => this.logs.recordRequest(r.podUid, r.container, { clientIP: r.clientIP, method: 'GET', path: r.path, status: r.status, bytes: BODY_BYTES, userAgent: USER_AGENT }, r.time);
      this.agents = new NodeAgents({ client: this.store, clock: this.clock, recorder, informers, seed: options.seed ?? 1, onServed });
    }
    this.network = createNetwork({
      client: this.store,
      clock: this.clock,
      random: new SeededRandom(deriveSeed(options.seed ?? 1, 'network')),
      server: this.agents ?? NO_MACHINES,
      nodes: this.agents,
      informers,
    });
    const addons = options.addons ?? false;
    if (addons && (options.controllers ?? true)) {
      new IngressNginxController({ client: this.store, informers, clock: this.clock, random: this.random, recorder });
    }
    bootstrap(this.store);
    const nodes = options.nodes ?? DEFAULT_NODES;
    for (const node of nodes) this.addNode(node);
    this.store.create(kubernetesService(), KUBEADM_ADDON);
    reconcileApiserverEndpoints(this.store, apiserverAddress(nodes));
    if (addons) for (const obj of clusterAddons()) this.store.create(obj, KUBEADM_ADDON);
    this.flush();
  }

  /** client is the API as components see it, for hosts that need more than the verbs below. */
  get client(): ApiClient {
    return this.store;
  }

  now(): VirtualMs {
    return this.clock.now();
  }

  /** apply is `kubectl apply -f -` on pasted YAML: one result per YAML document in it. */
  apply(yamlText: string): ApplyResult[] {
    const results = applyManifests(yamlText, { client: this.store, registry: this.registry });
    this.flush();
    return results;
  }

  /**
   * kubectl runs one kubectl command line against the cluster (actor `kubectl`); `files` resolves `-f NAME` to an
   * editor tab's text. A `-w` command's later output comes through the result's stream.
   */
  kubectl(line: string, files?: (name: string) => string | undefined): KubectlResult {
    return this.command(() => runKubectl(this.kubectlContext(files), line));
  }

  /** completeKubectl lists what Tab offers for the last word of a command line: verbs, kinds, names, flags. */
  completeKubectl(line: string): string[] {
    return completeKubectl(this.kubectlContext(), line);
  }

  private kubectlContext(files?: (name: string) => string | undefined): KubectlContext {
    let rates: Map<string, number> | undefined;
    const extensions = {
      logs: this.logs,
      metrics: { requestRate: (podUid: string) => (rates ??= this.requestRates()).get(podUid) ?? 0 },
      portForward: (target: { namespace: string; pod: string }, localPort: number, remotePort: number, onConnection: () => void) =>
        this.network.portForwards.forward(localPort, { namespace: target.namespace, pod: target.pod, remotePort, onConnection }),
    };
    return { client: this.store, registry: this.registry, now: () => this.clock.now(), files, extensions };
  }

  /** requestRates is how many requests per second each pod (by uid) serves now, from the simulated traffic (`kubectl top`). */
  private requestRates(): Map<string, number> {
    const byName = this.network.traffic.stats().pods;
    const rates = new Map<string, number>();
    for (const [key, counters] of Object.entries(byName)) {
      const [namespace, name] = key.split('/');
      const uid = this.store.get('Pod', namespace, name)?.metadata.uid;
      if (uid) rates.set(uid, counters.ratePerSecond);
    }
    return rates;
  }

  /** addNode registers a machine, as a kubelet joining the cluster does. */
  addNode(opts: NodeOptions): KubeObject {
    const node = nodeObject(opts, this.nodeCount++, rfc3339(this.clock.now()));
    const created = this.store.create(node, { actor: `kubelet/${opts.name}`, reason: `registered node ${opts.name}: the kubelet joined the cluster` });
    this.agents?.start(opts.name);
    this.flush();
    return created;
  }

  delete(kind: string, namespace: string, name: string, opts?: DeleteOptions): void {
    const spec = this.registry.forKind(kind);
    this.store.delete(kind, namespace, name, { actor: 'user', reason: `deleted ${spec ? spec.kind.toLowerCase() : kind} ${name}` }, opts);
    this.flush();
  }

  /** cordon, uncordon and drain a node with kubectl; each returns what kubectl printed. */
  cordon(node: string): string {
    return this.kubectlOutput(`kubectl cordon ${node}`);
  }

  uncordon(node: string): string {
    return this.kubectlOutput(`kubectl uncordon ${node}`);
  }

  /** drain empties a node as a teacher means it: bare pods and emptyDir data included, DaemonSet pods left. */
  drain(node: string): string[] {
    return this.kubectlOutput(`kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data --force`).split('\n');
  }

  /** scale is `kubectl scale`; setImage is `kubectl set image` on a Deployment's first (or named) container. */
  scale(kind: string, namespace: string, name: string, replicas: number): string {
    return this.kubectlOutput(`kubectl scale ${kind.toLowerCase()}/${name} -n ${namespace} --replicas=${replicas}`);
  }

  setImage(namespace: string, name: string, image: string, container?: string): string {
    const first = this.store.get<Deployment & KubeObject>('Deployment', namespace, name)?.spec?.template.spec?.containers[0]?.name;
    return this.kubectlOutput(`kubectl set image deployment/${name} -n ${namespace} ${container ?? first ?? '*'}=${image}`);
  }

  /** kubectlOutput runs a command line and returns everything it printed at once, without the final newline. */
  private kubectlOutput(line: string): string {
    const result = this.kubectl(line);
    return (result.stdout + result.stderr).replace(/\n$/, '');
  }

  /** killNode stops a node's kubelet, as pulling the plug does; restartNode brings it back. */
  killNode(node: string): string {
    return this.command(() => this.nodeAgents().kill(node));
  }

  restartNode(node: string): string {
    return this.command(() => this.nodeAgents().restart(node));
  }

  /** crashContainer makes a container of the pod exit with code 1, as a crashing process does. */
  crashContainer(namespace: string, pod: string, container?: string): string {
    return this.command(() => this.withPod(namespace, pod, (p) => this.nodeAgents().crashContainer(p, container)));
  }

  /** setProbeOverride makes a pod's liveness, readiness or startup probes fail or pass; undefined heals them. */
  setProbeOverride(namespace: string, pod: string, type: ProbeType, override: ProbeOverride | undefined): string {
    return this.command(() => this.withPod(namespace, pod, (p) => this.nodeAgents().setProbeOverride(p, type, override)));
  }

  /** healProbes lifts every probe override of a pod. */
  healProbes(namespace: string, pod: string): string {
    return this.command(() => this.withPod(namespace, pod, (p) => this.nodeAgents().healProbes(p)));
  }

  /** slowImagePulls makes a node's image pulls take `factor` times as long. */
  slowImagePulls(node: string, factor: number): string {
    return this.command(() => this.nodeAgents().slowImagePulls(node, factor));
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.store.get<T>(kind, namespace, name);
  }

  list<T extends KubeObject = KubeObject>(kind: string, opts?: ListOptions): T[] {
    return this.store.list<T>(kind, opts);
  }

  /** advance runs the clock forward by `ms`, performing everything due on the way. */
  advance(ms: VirtualMs): void {
    this.clock.advanceTo(this.clock.now() + ms);
    this.flush();
  }

  /** step performs exactly the work that leads to the next narrated action and returns the new actions. */
  step(): Action[] {
    const log = this.store.actionLog;
    const before = log.narrated();
    const horizon = this.clock.now() + STEP_HORIZON_MS;
    while (log.narrated() === before && this.clock.runNext(horizon));
    const actions = log.since(before);
    this.flush();
    return actions;
  }

  /** settle runs until no one-off work remains (only periodic work such as heartbeats), or the timeout passes. */
  settle(opts: SettleOptions = {}): void {
    const limit = this.clock.now() + (opts.timeoutMs ?? 10 * 60 * 1000);
    while (this.clock.hasPendingWork() && this.clock.runNext(limit));
    this.flush();
  }

  /** actions is the narrated history of API writes, oldest first: the newest `actionHistory` of them and those since. */
  actions(): readonly Action[] {
    return this.store.actions();
  }

  /** events lists Kubernetes Event objects in the order they happened. */
  events(): (Event & KubeObject)[] {
    return this.store.list<Event & KubeObject>('Event').sort(EventRecorder.eventOrder);
  }

  /** schedulingTrace is the latest scheduling attempt of a pod: per node filters and scores. */
  schedulingTrace(namespace: string, podName: string): SchedulingTrace | undefined {
    return this.scheduler.traceFor(namespace, podName);
  }

  /** subscribe receives a batch of changes after every command; returns an unsubscribe. */
  subscribe(listener: (batch: ChangeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private nodeAgents(): NodeAgents {
    if (!this.agents) throw new Error('this cluster runs no kubelets');
    return this.agents;
  }

  private withPod(namespace: string, name: string, run: (pod: Pod & KubeObject) => string): string {
    const pod = this.store.get<Pod & KubeObject>('Pod', namespace, name);
    return pod ? run(pod) : `Error from server (NotFound): pods "${name}" not found`;
  }

  private command<T>(run: () => T): T {
    try {
      return run();
    } finally {
      this.flush();
    }
  }

  private flush(): void {
    const log = this.store.actionLog;
    if (this.collector.isEmpty() && log.narrated() === this.flushedActions) return;
    const batch = this.collector.take(this.clock.now(), log.since(this.flushedActions));
    this.flushedActions = log.narrated();
    // Every action has now gone out in a batch: older ones than the history the cluster keeps can go.
    log.trim(this.actionHistory);
    for (const listener of this.listeners) listener(batch);
  }
}

/** Simulated clients send `curl/8.5.0` GETs and servers answer with a page of nginx's welcome size. */
const USER_AGENT = 'curl/8.5.0';
const BODY_BYTES = 615;

const KUBEADM_ADDON = { actor: 'kubeadm', reason: 'created by kubeadm init, as every new cluster has it' };

/** apiserverAddress is where the API server listens: the first control-plane node's InternalIP (kubeadm's advertise address). */
function apiserverAddress(nodes: readonly NodeOptions[]): string {
  const index = Math.max(0, nodes.findIndex((n) => n.controlPlane));
  return nodes[index]?.internalIP ?? `172.18.0.${index + 2}`;
}

/** createCluster makes a simulated cluster; see ClusterOptions. */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}
