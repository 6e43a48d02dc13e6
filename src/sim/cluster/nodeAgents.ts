import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { InformerFactory } from '../client/informer';
import { SeededRandom } from '../clock/random';
import type { VirtualClock } from '../clock/virtualClock';
import type { EventRecorder } from '../events/recorder';
import { Kubelet } from '../kubelet/kubelet';
import { KubeletProberManager } from '../kubelet/prober/proberManager';
import type { ProbeType } from '../kubelet/prober/types';
import type { ProbeOverride } from '../kubelet/behaviour/probeOverrides';
import type { ApiClient } from '../store/types';

export interface NodeAgentsDeps {
  client: ApiClient;
  clock: VirtualClock;
  recorder: EventRecorder;
  informers: InformerFactory;
  seed: number;
}

/**
 * NodeAgents runs one kubelet (with its prober) per machine and carries the chaos a teacher applies to machines
 * and containers. Each kubelet draws from its own seeded stream, so what happens on one node does not shift the
 * random draws of another.
 */
export class NodeAgents {
  private readonly kubelets = new Map<string, Kubelet>();

  constructor(private readonly deps: NodeAgentsDeps) {}

  /** start runs the kubelet of a registered node. */
  start(nodeName: string): void {
    const { client, clock, recorder, informers } = this.deps;
    const prober = new KubeletProberManager({ clock, recorder, nodeName });
    const random = new SeededRandom(streamSeed(this.deps.seed, nodeName));
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

  isAlive(node: string): boolean {
    return this.kubelets.get(node)?.isAlive() ?? false;
  }

  private kubeletOf(pod: Pod): Kubelet | undefined {
    return pod.spec?.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
  }
}

/** streamSeed derives a per-node seed from the cluster seed and the node name (FNV-1a). */
function streamSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h | 0;
}
