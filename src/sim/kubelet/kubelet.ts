// Mirrors pkg/kubelet/kubelet.go as Kubeplay needs it: the sync loop over the pods bound to this node (one pod worker
// each), the container runtime's PLEG events, probe results, the node status and the node lease. Leaves out admission
// (resource fit, eviction), volumes, static pods and the container garbage collector.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { InformerFactory } from '../client/informer';
import type { SeededRandom } from '../clock/random';
import type { VirtualClock, VirtualMs } from '../clock/virtualClock';
import type { EventRecorder } from '../events/recorder';
import type { ApiClient } from '../store/types';
import { Backoff } from './backoff';
import { ProbeOverrides, type ProbeOverride } from './behaviour/probeOverrides';
import { NodePodSource } from './config/podSource';
import { HostLocalIpam } from './cri/hostLocalIpam';
import { ImageService } from './cri/imageService';
import { RuntimeService, type RuntimeContainer, type ServedRequest } from './cri/runtimeService';
import { ImageManager } from './images/imageManager';
import { NodeLeaseController } from './nodeLease';
import { NodeStatusReporter } from './nodeStatus';
import { PodWorker } from './podWorker';
import type { ProberManager, ProbeType } from './prober/types';
import type { KubeletServices } from './services';

/** Container restart back-off: backOffPeriod 10 s, MaxContainerBackOff 300 s. */
export const CRASH_BACKOFF_INITIAL_MS = 10_000;
export const CRASH_BACKOFF_MAX_MS = 300_000;
/** Images on every node before any pod runs: kubeadm pre-pulls the sandbox image and kube-proxy. */
export const PRELOADED_IMAGES: readonly string[] = ['registry.k8s.io/pause:3.10', 'registry.k8s.io/kube-proxy:v1.35.0'];

type PodObject = Pod & KubeObject;
type NodeObject = Node & KubeObject;

export interface KubeletOptions {
  nodeName: string;
  client: ApiClient;
  clock: VirtualClock;
  random: SeededRandom;
  recorder: EventRecorder;
  /** The cluster's shared informers; the kubelet uses the Pod informer, indexed by node name. */
  informers: InformerFactory;
  /** The prober; without one, probes never report (readiness stays false, liveness never fails). */
  prober?: ProberManager;
  /** Images present on the node from the start. Default PRELOADED_IMAGES. */
  preloadedImages?: readonly string[];
}

/**
 * Kubelet is the agent of one node. It runs the pods bound to the node through their pod workers, reports the node's
 * status and renews its lease. Its container runtime outlives it: kill() stops the kubelet, not the containers.
 */
export class Kubelet {
  readonly nodeName: string;
  private readonly owner: string;
  private readonly pods: NodePodSource;
  private readonly images: ImageService;
  private readonly runtime: RuntimeService;
  private readonly overrides = new ProbeOverrides();
  private readonly nodeStatus: NodeStatusReporter;
  private readonly lease: NodeLeaseController;
  private readonly workers = new Map<string, PodWorker>();
  private readonly queued = new Set<string>();
  private services: KubeletServices;
  private alive = true;
  private hostIPOf: { node: NodeObject | undefined; ip: string } = { node: undefined, ip: '' };

  constructor(private readonly opts: KubeletOptions) {
    this.nodeName = opts.nodeName;
    this.owner = `kubelet/${opts.nodeName}`;
    const node = opts.client.get<NodeObject>('Node', '', opts.nodeName);
    if (!node) throw new Error(`kubelet: node ${opts.nodeName} is not registered`);
    this.images = new ImageService(opts.clock, opts.random, `containerd/${opts.nodeName}`);
    this.images.preload(opts.preloadedImages ?? PRELOADED_IMAGES);
    const ipam = new HostLocalIpam(node.spec?.podCIDR ?? '10.244.0.0/24');
    this.runtime = new RuntimeService(opts.clock, opts.random, `containerd/${opts.nodeName}`, ipam, (c) => this.onContainerExit(c));
    this.nodeStatus = new NodeStatusReporter(opts.nodeName, opts.client, opts.clock, this.owner, this.images, (reason, message) => this.nodeEvent(reason, message));
    this.lease = new NodeLeaseController(opts.nodeName, opts.client, opts.clock, this.owner);
    this.services = this.makeServices();
    this.pods = NodePodSource.for(opts.informers.forKind<PodObject>('Pod'));
    this.pods.register(opts.nodeName, (pod) => this.enqueue(pod));
    opts.prober?.onResult((update) => {
      if (this.alive) this.workers.get(update.podUid)?.probeResult(update);
    });
    this.startAgent();
  }

  /** isAlive is false between kill() and restart(). */
  isAlive(): boolean {
    return this.alive;
  }

  /**
   * kill stops the kubelet: no more heartbeats, status writes or restarts. Its containers keep running (and exiting)
   * in the runtime, unreachable from the API until the kubelet comes back.
   */
  kill(): void {
    if (!this.alive) return;
    this.alive = false;
    this.nodeStatus.stop();
    this.lease.stop();
    for (const [uid, worker] of this.workers) {
      this.opts.prober?.removePod(uid);
      worker.dispose();
    }
    this.workers.clear();
    this.queued.clear();
  }

  /**
   * restart brings the kubelet back with fresh memory (back-offs reset, as after a real restart): it reports the node
   * Ready again, renews its lease, adopts the containers it finds in the runtime, finishes pending deletions and
   * removes containers whose pods were deleted meanwhile.
   */
  restart(): void {
    if (this.alive) return;
    this.alive = true;
    this.services = this.makeServices();
    this.nodeEvent('Starting', 'Starting kubelet.');
    this.startAgent();
  }

  /**
   * serveHttp is this machine's answer to an HTTP request for one of its pod IPs. A killed machine answers nothing:
   * its containers may still run, but the packets never arrive.
   */
  serveHttp(ip: string, port: number, path: string, now: VirtualMs): ServedRequest | 'refused' | 'timeout' | undefined {
    const answer = this.runtime.serveHttp(ip, port, path, now);
    return answer !== undefined && !this.alive ? 'timeout' : answer;
  }

  /** crashContainer makes a running container exit with code 1 now; false when there is no such running container. */
  crashContainer(podUid: string, container: string): boolean {
    return this.workers.get(podUid)?.crash(container) ?? false;
  }

  /** setProbeOverride forces a probe of a container to fail or pass; undefined removes the override. */
  setProbeOverride(podUid: string, container: string, type: ProbeType, override: ProbeOverride | undefined): void {
    this.overrides.set(podUid, container, type, override);
  }

  /** clearProbeOverrides lifts every probe override of a pod (the UI's "heal probes"). */
  clearProbeOverrides(podUid: string): void {
    this.overrides.forgetPod(podUid);
  }

  /** slowImagePulls multiplies the duration of later image pulls on this node (1 is normal speed). */
  slowImagePulls(factor: number): void {
    this.images.slow(factor);
  }

  private startAgent(): void {
    this.nodeStatus.start();
    this.lease.start();
    const known = new Set<string>();
    for (const pod of this.pods.podsOn(this.nodeName)) {
      known.add(pod.metadata.uid ?? '');
      this.enqueue(pod);
    }
    // Containers of pods that no longer exist (force-deleted while the kubelet was away) are killed.
    for (const uid of this.runtime.podUids()) {
      if (known.has(uid)) continue;
      for (const c of this.runtime.running(uid)) this.runtime.crash(c.id, 137);
      this.runtime.removePod(uid);
    }
  }

  /** enqueue schedules a sync of the pod; handlers only enqueue, so no write happens inside another write's watch. */
  private enqueue(pod: PodObject): void {
    const uid = pod.metadata.uid ?? '';
    if (!this.alive || this.queued.has(uid)) return;
    this.queued.add(uid);
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    this.opts.clock.schedule(0, {
      owner: this.owner,
      label: `sync pod ${namespace}/${name}`,
      run: () => {
        this.queued.delete(uid);
        if (this.alive) this.syncPod(uid, namespace, name);
      },
    });
  }

  private syncPod(uid: string, namespace: string, name: string): void {
    const cached = this.pods.get(namespace, name);
    const pod = cached && cached.metadata.uid === uid && cached.spec?.nodeName === this.nodeName ? cached : undefined;
    const worker = this.workers.get(uid);
    if (!pod) {
      worker?.removed();
      return;
    }
    if (worker) {
      worker.update(pod);
      return;
    }
    // A pod already Succeeded or Failed is never run again.
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const created = new PodWorker(this.services, pod, (done) => this.finished(done));
    this.workers.set(uid, created);
    created.start();
  }

  private finished(uid: string): void {
    const worker = this.workers.get(uid);
    this.workers.delete(uid);
    worker?.dispose();
  }

  /** onContainerExit is the PLEG: a container exited in the runtime. */
  private onContainerExit(container: RuntimeContainer): void {
    if (this.alive) this.workers.get(container.podUid)?.containerExited(container);
  }

  private makeServices(): KubeletServices {
    const { client, clock, prober } = this.opts;
    return {
      nodeName: this.nodeName,
      owner: this.owner,
      client,
      clock,
      runtime: this.runtime,
      images: new ImageManager(clock, this.images, (pod, type, reason, message) => this.podEvent(pod, type, reason, message)),
      prober,
      overrides: this.overrides,
      crashBackOff: new Backoff(() => clock.now(), CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS),
      hostIP: () => this.hostIP(),
      event: (pod, type, reason, message) => this.podEvent(pod, type, reason, message),
    };
  }

  private podEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.opts.recorder.event(pod as PodObject, type, reason, message, { component: 'kubelet', host: this.nodeName });
  }

  /** nodeEvent: the kubelet's node events refer to the node by name, with the name as uid (as upstream's nodeRef). */
  private nodeEvent(reason: string, message: string): void {
    const ref: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: this.nodeName, uid: this.nodeName } };
    this.opts.recorder.event(ref, 'Normal', reason, message, { component: 'kubelet', host: this.nodeName });
  }

  /**
   * hostIP is the node's InternalIP. Every status write reads it; the stored node is frozen and replaced on each
   * write, so the answer is kept for as long as the node object is the same one.
   */
  private hostIP(): string {
    const node = this.opts.client.get<NodeObject>('Node', '', this.nodeName);
    if (node !== this.hostIPOf.node) this.hostIPOf = { node, ip: node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '' };
    return this.hostIPOf.ip;
  }
}
