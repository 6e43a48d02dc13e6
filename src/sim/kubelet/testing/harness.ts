// Test harness for the kubelet: a Cluster with a Kubelet (and its prober) per node, pods created and bound directly
// through the binding subresource, and compact views of what happened (status timeline, events, kubectl rows).
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { InformerFactory } from '../../client/informer';
import { SeededRandom } from '../../clock/random';
import { parseTime } from '../../clock/timeFormat';
import type { VirtualMs } from '../../clock/virtualClock';
import { Cluster } from '../../cluster/cluster';
import type { NodeOptions } from '../../cluster/nodeTemplate';
import { EventRecorder } from '../../events/recorder';
import { podRow } from '../../kubectl/printers/podStatus';
import { Kubelet } from '../kubelet';
import { KubeletProberManager } from '../prober/proberManager';

type PodObject = Pod & KubeObject;

export interface HarnessOptions {
  nodes?: readonly NodeOptions[];
  seed?: number;
  /** Run the real prober (default true). */
  prober?: boolean;
}

/** seconds renders virtual ms as `12.5s`. */
export const seconds = (t: VirtualMs) => `${t / 1000}s`;

/**
 * KubeletHarness drives kubelets headless. `timeline(name)` records every status the pod is written with, as
 * `<time> <kubectl STATUS> <READY> <RESTARTS>` lines; `events(name)` lists its Events as `<time> <reason>: <message>`.
 */
export class KubeletHarness {
  readonly cluster: Cluster;
  readonly kubelets = new Map<string, Kubelet>();
  private readonly rows = new Map<string, string[]>();

  constructor(opts: HarnessOptions = {}) {
    this.cluster = new Cluster({ seed: opts.seed ?? 1, nodes: opts.nodes ?? [{ name: 'node-1' }, { name: 'node-2' }], controllers: false, kubelets: false });
    const informers = new InformerFactory(this.cluster.client);
    const recorder = new EventRecorder(this.cluster.client, this.cluster.clock);
    // The kubelets draw from their own stream, so pull times and container ids do not move when other components
    // change how they use the cluster's.
    const random = new SeededRandom(opts.seed ?? 1);
    for (const node of this.cluster.list('Node')) {
      const nodeName = node.metadata.name ?? '';
      const prober = opts.prober === false ? undefined : new KubeletProberManager({ clock: this.cluster.clock, recorder, nodeName });
      this.kubelets.set(
        nodeName,
        new Kubelet({ nodeName, client: this.cluster.client, clock: this.cluster.clock, random, recorder, informers, prober }),
      );
    }
    this.cluster.client.watch<PodObject>('Pod', (e) => {
      if (e.type === 'DELETED' || !e.object.status?.phase) return;
      const row = podRow(e.object);
      const line = `${seconds(this.cluster.now())} ${row.status} ${row.ready} ${row.restarts}`;
      const lines = this.rows.get(e.object.metadata.name ?? '') ?? [];
      if (lines.at(-1)?.slice(lines.at(-1)!.indexOf(' ')) !== line.slice(line.indexOf(' '))) lines.push(line);
      this.rows.set(e.object.metadata.name ?? '', lines);
    });
  }

  /** run creates a pod in `default` and binds it to `node` at once, as the scheduler's binding would. */
  run(pod: Pod, node = 'node-1'): PodObject {
    const created = this.cluster.client.create<PodObject>({ apiVersion: 'v1', kind: 'Pod', ...pod } as PodObject, { actor: 'user', reason: 'test' });
    this.cluster.client.bind(created.metadata.namespace ?? 'default', created.metadata.name ?? '', node, { actor: 'default-scheduler', reason: 'test binding' });
    return this.pod(created.metadata.name ?? '')!;
  }

  /** advanceTo runs virtual time forward to `t` seconds. */
  advanceTo(t: number): void {
    this.cluster.advance(t * 1000 - this.cluster.now());
  }

  pod(name: string): PodObject | undefined {
    return this.cluster.get<PodObject>('Pod', 'default', name);
  }

  /** timeline lists the distinct kubectl rows the pod went through, with when each first appeared. */
  timeline(name: string): string[] {
    return this.rows.get(name) ?? [];
  }

  /** events lists the pod's Events (kubelet and scheduler) as `<first time> <reason>: <message>`, with `(xN)` counts. */
  events(name: string): string[] {
    return this.cluster
      .events()
      .filter((e: Event & KubeObject) => e.involvedObject.name === name && e.involvedObject.kind === 'Pod')
      .map((e) => `${seconds(parseTime(e.firstTimestamp)!)} ${e.reason}: ${e.message}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`);
  }

  /** actions lists the kubelet's narrated writes about a pod as `<time> <verb>: <reason>`. */
  actions(name: string): string[] {
    return this.cluster
      .actions()
      .filter((a) => a.name === name && a.actor.startsWith('kubelet/'))
      .map((a) => `${seconds(a.time)} ${a.verb}: ${a.reason}`);
  }
}
