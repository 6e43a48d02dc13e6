// Mirrors the pod side of pkg/kubelet/status/status_manager.go: write a pod's status when it changed, and once the
// pod is terminated confirm its deletion with a zero grace period (canBeDeleted → Delete with GracePeriodSeconds 0).
import type { Container, Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { Task } from '../clock/virtualClock';
import { StatusError } from '../api/statusError';
import { deepEqual } from '../store/mergePatch';
import type { ContainerContext } from './machines/containerMachine';
import type { RuntimeSandbox } from './cri/runtimeService';
import type { ProbeType } from './prober/types';
import type { KubeletServices } from './services';
import { generatePodStatus, type ContainerView } from './status/podStatus';

/** ContainerEntry is one of the pod worker's containers: its spec and its machine, whose context the status shows. */
export interface ContainerEntry {
  spec: Container;
  init: boolean;
  actor: { readonly context: ContainerContext };
}

/** WorkerView is the pod worker's state as the status generator reads it. */
export interface WorkerView {
  pod: Pod & KubeObject;
  /** The lifecycle machine's state. */
  lifecycle: string;
  sandbox: RuntimeSandbox | undefined;
  /** Init containers first, then the app containers, each in spec order. */
  containers: readonly ContainerEntry[];
}

/**
 * PodStatusSync generates a pod's status from its worker and writes it through the status subresource when it
 * differs from what was last written. Like the status manager, it coalesces: every change in one instant of virtual
 * time ends in a single write, narrated with the latest note the worker left.
 */
export class PodStatusSync {
  private last: PodStatus | undefined;
  private reason = '';
  private flushScheduled = false;
  /** The clock task of a flush, made once: a pod's status is written a few times in its life. */
  private readonly flushTask: Task;
  /** detached: the pod object is gone from the API, so nothing is written any more. */
  detached = false;

  constructor(
    private readonly services: KubeletServices,
    pod: Pod,
    private readonly view: () => WorkerView,
  ) {
    this.flushTask = { owner: services.owner, label: `status ${pod.metadata?.namespace}/${pod.metadata?.name}`, run: () => this.flush() };
  }

  /** note sets the sentence that narrates the next write. */
  note(reason: string): void {
    this.reason = reason;
  }

  detach(): void {
    this.detached = true;
  }

  /** sync asks for a write of the current status once the current instant's work is done. */
  sync(): void {
    if (this.detached || this.flushScheduled) return;
    this.flushScheduled = true;
    this.services.clock.schedule(0, this.flushTask);
  }

  /** flush writes the status now if it changed. */
  flush(): void {
    this.flushScheduled = false;
    if (this.detached) return;
    const view = this.view();
    const meta = view.pod.metadata;
    const current = this.services.client.get<Pod & KubeObject>('Pod', meta.namespace ?? '', meta.name ?? '');
    if (!current || current.metadata.uid !== meta.uid) {
      this.detached = true;
      return;
    }
    const status = this.generate(view, current);
    if (deepEqual(status, this.last ?? current.status)) return;
    try {
      this.services.client.updateStatus({ ...current, status }, { actor: this.services.owner, reason: this.reason || `updated the status of pod ${meta.name}`, handOver: true });
      this.last = status;
      this.reason = '';
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
      this.detached = true;
    }
  }

  /** confirmDeletion removes a terminated pod from the API, which was waiting for the kubelet's word. */
  confirmDeletion(pod: Pod & KubeObject): void {
    if (this.detached || !pod.metadata.deletionTimestamp) return;
    try {
      this.services.client.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name ?? '', {
        actor: this.services.owner,
        reason: `removed pod ${pod.metadata.name}: its containers stopped, so the kubelet confirms the deletion (grace period 0)`,
      }, { gracePeriodSeconds: 0 });
    } catch (err) {
      if (!(err instanceof StatusError)) throw err;
    }
    this.detached = true;
  }

  private generate(view: WorkerView, current: Pod & KubeObject): PodStatus {
    const uid = current.metadata.uid ?? '';
    const result = (name: string, type: ProbeType) => this.services.prober?.result(uid, name, type);
    const toView = ({ spec, init, actor: { context } }: ContainerEntry): ContainerView => {
      const running = context.state.running !== undefined;
      const started = running && (!spec.startupProbe || result(spec.name, 'startup') === 'Success');
      const regularInit = init && spec.restartPolicy !== 'Always';
      const ready = regularInit
        ? context.state.terminated?.exitCode === 0
        : started && (!spec.readinessProbe || result(spec.name, 'readiness') === 'Success');
      return {
        name: spec.name,
        state: context.state,
        lastState: context.lastState,
        restartCount: context.restartCount,
        containerID: context.containerID,
        image: context.image,
        imageID: context.imageID,
        ready,
        started,
      };
    };
    const terminal = view.lifecycle === 'completed' || view.lifecycle === 'terminated';
    const initContainers: ContainerView[] = [];
    const containers: ContainerView[] = [];
    let podHasInitialized = false;
    for (const entry of view.containers) {
      if (entry.init) initContainers.push(toView(entry));
      else {
        containers.push(toView(entry));
        if (entry.actor.context.containerID !== undefined) podHasInitialized = true;
      }
    }
    return generatePodStatus({
      pod: current,
      previous: this.last ?? current.status,
      now: this.services.clock.now(),
      hostIP: this.services.hostIP(),
      podIP: view.sandbox?.ip,
      sandboxReady: view.sandbox?.ready === true && !terminal,
      initContainers,
      containers,
      podIsTerminal: terminal,
      podHasInitialized,
    });
  }
}
