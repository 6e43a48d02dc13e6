// Mirrors the nominator of pkg/scheduler/backend/queue/nominator.go.
import type { Pod } from 'kubernetes-types/core/v1';
import { NominatingMode, type NominatingInfo, type PodNominator } from '../framework/interface';
import type { PodInfo } from '../framework/podInfo';

/**
 * Nominator keeps track of the pods nominated to nodes: pods that preempted others and wait for the room to
 * free up. Filters treat them as already running on the node (for pods of lower or equal priority).
 */
export class Nominator implements PodNominator {
  /** nominatedPods is a map keyed by a node name; the value is the list of pods nominated to that node. */
  private readonly nominatedPods = new Map<string, PodInfo[]>();
  /** nominatedPodToNode is a map keyed by a pod uid to the node name where it is nominated. */
  private readonly nominatedPodToNode = new Map<string, string>();

  /**
   * @param isBound tells whether the latest version of a pod is gone or already bound; such pods are not
   *   nominated (upstream asks the pod lister).
   */
  constructor(private readonly isBound: (pod: Pod) => boolean) {}

  /**
   * addNominatedPod adds a pod to the nominated pods of the given node: ModeOverride nominates it to the given
   * node; otherwise its status.nominatedNodeName (if any) is used.
   */
  addNominatedPod(pi: PodInfo, nominatingInfo: NominatingInfo | null): void {
    this.deleteNominatedPodIfExists(pi.pod);
    let nodeName: string;
    if (nominatingInfo?.nominatingMode === NominatingMode.ModeOverride) {
      nodeName = nominatingInfo.nominatedNodeName;
    } else {
      nodeName = pi.pod.status?.nominatedNodeName ?? '';
    }
    if (nodeName === '') return;
    // If the pod was removed or if it was already scheduled, don't nominate it.
    if (this.isBound(pi.pod)) return;
    const uid = pi.pod.metadata?.uid ?? '';
    this.nominatedPodToNode.set(uid, nodeName);
    const list = this.nominatedPods.get(nodeName) ?? [];
    if (list.some((np) => np.pod.metadata?.uid === uid)) return;
    list.push(pi);
    this.nominatedPods.set(nodeName, list);
  }

  /** deleteNominatedPodIfExists deletes the pod from the nominated pods, if it is there. */
  deleteNominatedPodIfExists(pod: Pod): void {
    const uid = pod.metadata?.uid ?? '';
    const nnn = this.nominatedPodToNode.get(uid);
    if (nnn === undefined) return;
    const list = (this.nominatedPods.get(nnn) ?? []).filter((np) => np.pod.metadata?.uid !== uid);
    if (list.length === 0) this.nominatedPods.delete(nnn);
    else this.nominatedPods.set(nnn, list);
    this.nominatedPodToNode.delete(uid);
  }

  /**
   * updateNominatedPod updates the nomination of a pod that was updated: a pod that had a nominated node keeps
   * it unless the update sets a different one or binds the pod (the update event may lag the nomination).
   */
  updateNominatedPod(oldPod: Pod, newPodInfo: PodInfo): void {
    let nominatingInfo: NominatingInfo | null = null;
    const oldNNN = oldPod.status?.nominatedNodeName ?? '';
    const newNNN = newPodInfo.pod.status?.nominatedNodeName ?? '';
    const known = this.nominatedPodToNode.get(oldPod.metadata?.uid ?? '');
    if (oldNNN === '' && newNNN === '' && known !== undefined) {
      nominatingInfo = { nominatedNodeName: known, nominatingMode: NominatingMode.ModeOverride };
    }
    this.deleteNominatedPodIfExists(oldPod);
    this.addNominatedPod(newPodInfo, nominatingInfo);
  }

  nominatedPodsForNode(nodeName: string): PodInfo[] {
    const list = this.nominatedPods.get(nodeName);
    // Filters ask for every node of every cycle; most nodes have no nominated pods.
    return list ? [...list] : [];
  }

  /** size is the number of nominated pods; filters skip the nominated-pods pass entirely when it is 0. */
  size(): number {
    return this.nominatedPodToNode.size;
  }

  /** nominatedNodeOf returns the node a pod is nominated to, if any. */
  nominatedNodeOf(pod: Pod): string | undefined {
    return this.nominatedPodToNode.get(pod.metadata?.uid ?? '');
  }
}
