import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { InformerFactory } from '../client/informer';
import { deriveSeed, SeededRandom } from '../clock/random';
import type { VirtualClock } from '../clock/virtualClock';
import type { EventRecorder } from '../events/recorder';
import { Kubelet } from '../kubelet/kubelet';
import { KubeletProberManager } from '../kubelet/prober/proberManager';
import type { ProbeType } from '../kubelet/prober/types';
import type { ProbeOverride } from '../kubelet/behaviour/probeOverrides';
import type { ApiClient } from '../store/types';
import type { VirtualMs } from '../clock/virtualClock';
import type { NodeNetwork, PodAnswer, PodEndpointServer } from '../network/types';
import type { ServedRequest } from '../kubelet/cri/runtimeService';

export interface NodeAgentsDeps {
  client: ApiClient;
  clock: VirtualClock;
  recorder: EventRecorder;
  informers: InformerFactory;
  seed: number;
  /** onServed hears every HTTP request a container answered. */
  onServed?: (request: ServedHttpRequest) => void;
}

/** ServedHttpRequest is one request a container answered: who asked for what, and the status it got. */
export interface ServedHttpRequest extends ServedRequest {
  clientIP: string;
  path: string;
  time: VirtualMs;
}

/**
 * NodeAgents runs one kubelet (with its prober) per machine and carries the chaos a teacher applies to machines
 * and containers. Each kubelet draws from its own seeded stream, so what happens on one node does not shift the
 * random draws of another.
 */
export class NodeAgents implements PodEndpointServer, NodeNetwork {
  private readonly kubelets = new Map<string, Kubelet>();

  constructor(private readonly deps: NodeAgentsDeps) {}

  /** start runs the kubelet of a registered node. */
  start(nodeName: string): void {
    const { client, clock, recorder, informers } = this.deps;
    const prober = new KubeletProberManager({ clock, recorder, nodeName });
    const random = new SeededRandom(deriveSeed(this.deps.seed, nodeName));
    this.kubelets.set(nodeName, new Kubelet({ nodeName, client, clock, random, recorder, informers, prober }));
  }

  /** kill stops a node's kubelet (the machine is gone); returns what happened, for the user. */
  kill(node: string): string {
    const kubelet = this.kubelets.get(node);
    if (!kubelet) return `error: node ${node} has no kubelet`;
    if (!kubelet.isAlive()) return `node/${node} is already down`;
    kubelet.kill();
    return `node/${node} killed: its kubelet stops posting status; the node lifecycle controller notices after node-monitor-grace-period (50s)`;
  }

  /** restart brings a killed node back. */
  restart(node: string): string {
    const kubelet = this.kubelets.get(node);
    if (!kubelet) return `error: node ${node} has no kubelet`;
    if (kubelet.isAlive()) return `node/${node} is already running`;
    kubelet.restart();
    return `node/${node} restarted: its kubelet reports Ready again`;
  }

  /** crashContainer makes a pod's container (the first by default) exit with code 1. */
  crashContainer(pod: Pod & KubeObject, container?: string): string {
    const name = container ?? pod.spec?.containers[0]?.name ?? '';
    const kubelet = this.kubeletOf(pod);
    if (!kubelet?.crashContainer(pod.metadata.uid ?? '', name)) return `error: container ${name} of pod ${pod.metadata.name} is not running`;
    return `container ${name} of pod ${pod.metadata.name} crashed (exit code 1)`;
  }

  /** setProbeOverride makes a probe of a pod's containers fail or pass; undefined lifts the override. */
  setProbeOverride(pod: Pod & KubeObject, type: ProbeType, override: ProbeOverride | undefined): string {
    const kubelet = this.kubeletOf(pod);
    if (!kubelet) return `error: pod ${pod.metadata.name} is not running on a node`;
    for (const c of pod.spec?.containers ?? []) kubelet.setProbeOverride(pod.metadata.uid ?? '', c.name, type, override);
    return override ? `${type} probes of pod ${pod.metadata.name} will ${override === 'fail' ? 'fail' : 'pass'}` : `${type} probes of pod ${pod.metadata.name} answer normally again`;
  }

  /** healProbes lifts every probe override of a pod. */
  healProbes(pod: Pod & KubeObject): string {
    this.kubeletOf(pod)?.clearProbeOverrides(pod.metadata.uid ?? '');
    return `probes of pod ${pod.metadata.name} answer normally again`;
  }

  /** slowImagePulls makes later image pulls on a node take `factor` times as long. */
  slowImagePulls(node: string, factor: number): string {
    this.kubelets.get(node)?.slowImagePulls(factor);
    return `image pulls on node/${node} now take ${factor}x as long`;
  }

  /**
   * answer finds the machine holding a pod IP and lets its containers answer; an IP no machine holds times out. A
   * served request is told to `onServed` (the container's access log).
   */
  answer(podIP: string, port: number, path: string, now: VirtualMs, clientIP: string): PodAnswer {
    for (const kubelet of this.kubelets.values()) {
      const answer = kubelet.serveHttp(podIP, port, path, now);
      if (answer === undefined) continue;
      if (typeof answer === 'string') return { kind: answer };
      this.deps.onServed?.({ ...answer, clientIP, path, time: now });
      return { kind: 'ok', status: answer.status };
    }
    return { kind: 'timeout' };
  }

  nodeUp(nodeName: string): boolean {
    return this.isAlive(nodeName);
  }

  isAlive(node: string): boolean {
    return this.kubelets.get(node)?.isAlive() ?? false;
  }

  private kubeletOf(pod: Pod): Kubelet | undefined {
    return pod.spec?.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
  }
}
