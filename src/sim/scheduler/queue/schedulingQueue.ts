// Mirrors the PriorityQueue of pkg/scheduler/backend/queue/scheduling_queue.go (and backoff_queue.go) with
// SchedulerPopFromBackoffQ on; leaves out QueueingHints, in-flight event replay and metrics.
//
// ATTENTION: upstream polls (backoffQ every 1 s, unschedulable pods every 30 s). Here each pod gets a timer for
// the exact moment it leaves, so retries happen at the backoff expiry and flushes exactly 5 min after a pod
// became unschedulable.
import type { Pod } from 'kubernetes-types/core/v1';
import { Heap } from 'heap-js';
import type { VirtualClock, VirtualMs, TimerHandle } from '../../clock/virtualClock';
import type { PreEnqueuePlugin, QueueSortPlugin, QueuedPodInfo } from '../framework/interface';
import { PodInfo } from '../framework/podInfo';
import { podWorthRequeuing, type ClusterEvent } from './events';
import { Nominator } from './nominator';

/** DefaultPodInitialBackoffDuration is the default value for the initial backoff duration for unschedulable pods. */
export const DefaultPodInitialBackoffDuration: VirtualMs = 1000;
/** DefaultPodMaxBackoffDuration is the default value for the max backoff duration for unschedulable pods. */
export const DefaultPodMaxBackoffDuration: VirtualMs = 10_000;
/** DefaultPodMaxInUnschedulablePodsDuration is how long a pod may stay unschedulable before it is retried anyway. */
export const DefaultPodMaxInUnschedulablePodsDuration: VirtualMs = 5 * 60 * 1000;

/** QueuedPod is a pod in the scheduling queue with the bookkeeping of the queue. */
export class QueuedPod implements QueuedPodInfo {
  timestamp: VirtualMs;
  attempts = 0;
  initialAttemptTimestamp?: VirtualMs;
  unschedulablePlugins = new Set<string>();
  pendingPlugins = new Set<string>();
  /** unschedulableCount counts attempts that ended Unschedulable; it drives the backoff. */
  unschedulableCount = 0;
  /** consecutiveErrorsCount counts attempts in a row that ended in an Error; it drives the error backoff. */
  consecutiveErrorsCount = 0;
  /** gatingPlugin is the PreEnqueue plugin keeping the pod out of the activeQ, if any. */
  gatingPlugin = '';
  /** seq orders pods enqueued at the same virtual millisecond (upstream timestamps have nanoseconds). */
  seq: number;
  /** entry is the pod's live heap entry, when it sits in one of the heaps. */
  entry: HeapEntry | undefined;

  constructor(
    public podInfo: PodInfo,
    now: VirtualMs,
    seq: number,
  ) {
    this.timestamp = now;
    this.seq = seq;
  }

  get pod(): Pod {
    return this.podInfo.pod;
  }

  /** rejectors are the plugins that made the last attempt fail. */
  rejectors(): Set<string> {
    return new Set([...this.unschedulablePlugins, ...this.pendingPlugins]);
  }
}

/**
 * HeapEntry wraps a pod in a heap. Removing a pod from a heap only marks its entry dead (pop skips dead entries):
 * finding an element in a binary heap is linear, and every bound pod is removed from the queue.
 */
interface HeapEntry {
  pInfo: QueuedPod;
  live: boolean;
}

/** Where a pod currently is. */
type Location = 'activeQ' | 'backoffQ' | 'errorBackoffQ' | 'unschedulable' | 'inFlight';

/** QueueOptions configure a SchedulingQueue. */
export interface QueueOptions {
  clock: VirtualClock;
  queueSort: QueueSortPlugin;
  preEnqueuePlugins?: readonly PreEnqueuePlugin[];
  /** isBound tells the nominator whether a pod is gone or bound (it then is not nominated). */
  isBound: (pod: Pod) => boolean;
  /** onActivity is called whenever a pod may have become ready to pop. */
  onActivity: () => void;
  podInitialBackoff?: VirtualMs;
  podMaxBackoff?: VirtualMs;
  podMaxInUnschedulablePodsDuration?: VirtualMs;
}

function uidOf(pod: Pod): string {
  return pod.metadata?.uid ?? `${pod.metadata?.namespace}/${pod.metadata?.name}`;
}

/**
 * isPodUpdated reports whether an update changed the pod beyond its status, resourceVersion, generation, managed
 * fields and finalizers: only such updates may make an unschedulable pod schedulable.
 */
function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _m, finalizers: _f, ...meta } = p.metadata ?? {};
    return JSON.stringify({ ...p, metadata: meta, status: undefined });
  };
  return strip(oldPod) !== strip(newPod);
}

/**
 * SchedulingQueue holds the pods waiting to be scheduled. activeQ holds pods being considered for scheduling,
 * ordered by the QueueSort plugin (PrioritySort: priority, then enqueue time). backoffQ holds pods that failed
 * and wait out their backoff (1 s doubling to 10 s); when activeQ is empty the scheduler pops from it anyway
 * (SchedulerPopFromBackoffQ), except pods that failed with an error. unschedulablePods holds pods that were
 * rejected and wait for a cluster event that may help, or for 5 minutes.
 */
export class SchedulingQueue {
  private readonly activeQ: Heap<HeapEntry>;
  /** podBackoffQ holds pods that were rejected (Unschedulable); errorBackoffQ pods that failed with an error. */
  private readonly podBackoffQ: Heap<HeapEntry>;
  private readonly errorBackoffQ: Heap<HeapEntry>;
  /** pods indexes every queued or in-flight pod by uid, with where it is. */
  private readonly pods = new Map<string, { pInfo: QueuedPod; location: Location }>();
  /** unschedulablePods are the pods located 'unschedulable', kept apart because every cluster event scans them. */
  private readonly unschedulablePods = new Set<QueuedPod>();
  readonly nominator: Nominator;
  private seq = 0;
  private cycle = 0;
  /**
   * moveRequestCycle caches the scheduling cycle when a move request (a cluster event) was received; a pod that
   * fails in a cycle started before it goes to backoff instead of waiting for another event.
   */
  private moveRequestCycle = -1;
  private backoffTimer: TimerHandle | undefined;
  private readonly clock: VirtualClock;
  private readonly initialBackoff: VirtualMs;
  private readonly maxBackoff: VirtualMs;
  private readonly maxInUnschedulable: VirtualMs;

  constructor(private readonly opts: QueueOptions) {
    this.clock = opts.clock;
    this.initialBackoff = opts.podInitialBackoff ?? DefaultPodInitialBackoffDuration;
    this.maxBackoff = opts.podMaxBackoff ?? DefaultPodMaxBackoffDuration;
    this.maxInUnschedulable = opts.podMaxInUnschedulablePodsDuration ?? DefaultPodMaxInUnschedulablePodsDuration;
    const sort = opts.queueSort;
    const byQueueSort = (a: QueuedPod, b: QueuedPod) => (sort.less(a, b) ? -1 : sort.less(b, a) ? 1 : a.seq - b.seq);
    this.activeQ = new Heap((a, b) => byQueueSort(a.pInfo, b.pInfo));
    const byBackoff = (a: HeapEntry, b: HeapEntry) =>
      this.backoffTime(a.pInfo) - this.backoffTime(b.pInfo) || byQueueSort(a.pInfo, b.pInfo);
    this.podBackoffQ = new Heap(byBackoff);
    this.errorBackoffQ = new Heap(byBackoff);
    this.nominator = new Nominator(opts.isBound);
  }

  /** schedulingCycle returns the current number of scheduling cycles (pops). */
  schedulingCycle(): number {
    return this.cycle;
  }

  /** add adds a new pod: to activeQ, or to the unschedulable pods when a PreEnqueue plugin gates it. */
  add(pod: Pod): void {
    if (this.pods.has(uidOf(pod))) return;
    const pInfo = new QueuedPod(new PodInfo(pod), this.clock.now(), this.seq++);
    this.moveToActiveQ(pInfo);
    this.nominator.addNominatedPod(pInfo.podInfo, null);
  }

  private place(pInfo: QueuedPod, location: Location, heap?: Heap<HeapEntry>): void {
    this.unlink(pInfo);
    this.pods.set(uidOf(pInfo.pod), { pInfo, location });
    if (location === 'unschedulable') this.unschedulablePods.add(pInfo);
    if (heap) {
      pInfo.entry = { pInfo, live: true };
      heap.push(pInfo.entry);
    }
  }

  /** unlink takes the pod out of wherever it is (its heap entry dies). */
  private unlink(pInfo: QueuedPod): void {
    if (pInfo.entry) pInfo.entry.live = false;
    pInfo.entry = undefined;
    this.pods.delete(uidOf(pInfo.pod));
    this.unschedulablePods.delete(pInfo);
  }

  /** moveToActiveQ runs the PreEnqueue plugins: a gated pod waits among the unschedulable pods. */
  private moveToActiveQ(pInfo: QueuedPod): boolean {
    pInfo.gatingPlugin = '';
    for (const pl of this.opts.preEnqueuePlugins ?? []) {
      const s = pl.preEnqueue(pInfo.pod);
      if (s && s.code !== 0) {
        pInfo.gatingPlugin = pl.name();
        break;
      }
    }
    if (pInfo.gatingPlugin !== '') {
      this.place(pInfo, 'unschedulable');
      return false;
    }
    this.place(pInfo, 'activeQ', this.activeQ);
    this.opts.onActivity();
    return true;
  }

  private static popLive(heap: Heap<HeapEntry>): QueuedPod | undefined {
    for (let e = heap.pop(); e; e = heap.pop()) if (e.live) return e.pInfo;
    return undefined;
  }

  private static peekLive(heap: Heap<HeapEntry>): QueuedPod | undefined {
    while (heap.length > 0 && !heap.peek()!.live) heap.pop();
    return heap.peek()?.pInfo;
  }

  /**
   * pop returns the next pod to schedule: the head of activeQ, else (SchedulerPopFromBackoffQ) the head of the
   * backoffQ of rejected pods even if its backoff has not completed. It starts a new scheduling cycle.
   */
  pop(): QueuedPod | undefined {
    const pInfo = SchedulingQueue.popLive(this.activeQ) ?? SchedulingQueue.popLive(this.podBackoffQ);
    if (!pInfo) return undefined;
    this.cycle++;
    pInfo.attempts++;
    pInfo.initialAttemptTimestamp ??= this.clock.now();
    this.place(pInfo, 'inFlight');
    return pInfo;
  }

  /** hasPoppable is true when pop() would return a pod now. */
  hasPoppable(): boolean {
    return !!SchedulingQueue.peekLive(this.activeQ) || !!SchedulingQueue.peekLive(this.podBackoffQ);
  }

  /** done tells the queue that the scheduling cycle of the pod has finished (it was bound, or is gone). */
  done(pod: Pod): void {
    const found = this.pods.get(uidOf(pod));
    if (found?.location === 'inFlight') this.unlink(found.pInfo);
  }

  /**
   * update updates a pod in the queue. An update that changes more than the status may make an unschedulable
   * pod schedulable, so it moves to backoffQ (still backing off) or activeQ.
   */
  update(oldPod: Pod, newPod: Pod): void {
    const found = this.pods.get(uidOf(newPod));
    if (!found) {
      // If the pod is not in any of the queues, we put it in the active queue.
      this.add(newPod);
      return;
    }
    const { pInfo, location } = found;
    pInfo.podInfo.update(newPod);
    this.nominator.updateNominatedPod(oldPod, pInfo.podInfo);
    // In a heap or in flight the pod keeps its place: priority and timestamp did not change.
    if (location !== 'unschedulable') return;
    if (pInfo.gatingPlugin !== '' || isPodUpdated(oldPod, newPod)) {
      if (pInfo.gatingPlugin === '' && this.isPodBackingoff(pInfo)) this.addToBackoffQ(pInfo);
      else this.moveToActiveQ(pInfo);
    }
  }

  /** delete deletes a pod from the queue (it was deleted, or bound). */
  delete(pod: Pod): void {
    this.nominator.deleteNominatedPodIfExists(pod);
    const found = this.pods.get(uidOf(pod));
    if (found) this.unlink(found.pInfo);
  }

  /**
   * addUnschedulableIfNotPresent puts a pod that failed back: to backoff when a cluster event arrived during its
   * cycle or when no plugin rejected it (an error), otherwise among the unschedulable pods.
   */
  addUnschedulableIfNotPresent(pInfo: QueuedPod, podSchedulingCycle: number): void {
    const found = this.pods.get(uidOf(pInfo.pod));
    if (found && found.location !== 'inFlight') return;
    // Refresh the timestamp since the pod is re-added.
    pInfo.timestamp = this.clock.now();
    pInfo.seq = this.seq++;
    if (this.moveRequestCycle >= podSchedulingCycle || pInfo.rejectors().size === 0) {
      this.addToBackoffQ(pInfo);
    } else {
      this.place(pInfo, 'unschedulable');
      this.scheduleLeftoverFlush(pInfo);
    }
    this.nominator.addNominatedPod(pInfo.podInfo, null);
  }

  /**
   * backoffDuration is the initial backoff doubled for every failure after the first, capped at the maximum;
   * errors count separately from unschedulable attempts (kubernetes#128744).
   */
  backoffDuration(pInfo: QueuedPod): VirtualMs {
    const count = pInfo.consecutiveErrorsCount > 0 ? pInfo.consecutiveErrorsCount : pInfo.unschedulableCount;
    if (count === 0) return 0;
    let duration = this.initialBackoff;
    for (let i = 1; i < count; i++) {
      if (duration > this.maxBackoff - duration) return this.maxBackoff;
      duration += duration;
    }
    return duration;
  }

  private backoffTime(pInfo: QueuedPod): VirtualMs {
    return pInfo.timestamp + this.backoffDuration(pInfo);
  }

  private isPodBackingoff(pInfo: QueuedPod): boolean {
    return this.backoffTime(pInfo) > this.clock.now();
  }

  private addToBackoffQ(pInfo: QueuedPod): void {
    if (!this.isPodBackingoff(pInfo)) {
      this.moveToActiveQ(pInfo);
      return;
    }
    const isError = pInfo.rejectors().size === 0;
    if (isError) this.place(pInfo, 'errorBackoffQ', this.errorBackoffQ);
    else this.place(pInfo, 'backoffQ', this.podBackoffQ);
    this.armBackoffTimer();
    if (!isError) this.opts.onActivity();
  }

  /** armBackoffTimer keeps one timer at the earliest backoff expiry. */
  private armBackoffTimer(): void {
    const heads = [SchedulingQueue.peekLive(this.podBackoffQ), SchedulingQueue.peekLive(this.errorBackoffQ)].filter(
      (p): p is QueuedPod => !!p,
    );
    if (heads.length === 0) return;
    const at = Math.min(...heads.map((p) => this.backoffTime(p)));
    if (this.backoffTimer && this.backoffTimer.at <= at) return;
    this.backoffTimer?.cancel();
    this.backoffTimer = this.clock.schedule(at - this.clock.now(), {
      owner: 'default-scheduler',
      label: 'flushBackoffQCompleted',
      run: () => {
        this.backoffTimer = undefined;
        this.flushBackoffQCompleted();
      },
    });
  }

  /** flushBackoffQCompleted moves all pods whose backoff has completed from the backoffQs to activeQ. */
  private flushBackoffQCompleted(): void {
    for (const heap of [this.podBackoffQ, this.errorBackoffQ]) {
      for (let head = SchedulingQueue.peekLive(heap); head && !this.isPodBackingoff(head); head = SchedulingQueue.peekLive(heap)) {
        this.moveToActiveQ(head);
      }
    }
    this.armBackoffTimer();
  }

  /**
   * scheduleLeftoverFlush retries a pod still unschedulable after podMaxInUnschedulablePodsDuration. The timer is
   * background work (like a resync), so settling the cluster does not wait 5 minutes for it.
   */
  private scheduleLeftoverFlush(pInfo: QueuedPod): void {
    const enteredAt = pInfo.timestamp;
    this.clock.schedule(this.maxInUnschedulable, {
      owner: 'default-scheduler',
      label: 'flushUnschedulablePodsLeftover',
      periodic: true,
      run: () => {
        const found = this.pods.get(uidOf(pInfo.pod));
        if (found?.pInfo === pInfo && found.location === 'unschedulable' && pInfo.timestamp === enteredAt) {
          this.movePodsToActiveOrBackoffQueue([pInfo], 'UnschedulableTimeout');
        }
      },
    });
  }

  /**
   * moveAllToActiveOrBackoffQueue moves the unschedulable pods that the event may help (a plugin that rejected
   * them registered the event, and preCheck passes) to activeQ or backoffQ.
   */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, preCheck?: (pod: Pod) => boolean): void {
    const pods: QueuedPod[] = [];
    for (const pInfo of this.unschedulablePods) if (!preCheck || preCheck(pInfo.pod)) pods.push(pInfo);
    this.movePodsToActiveOrBackoffQueue(pods, event);
  }

  private movePodsToActiveOrBackoffQueue(pods: QueuedPod[], event: ClusterEvent): void {
    for (const pInfo of pods) {
      if (pInfo.gatingPlugin !== '') continue;
      if (!podWorthRequeuing(pInfo.rejectors(), event)) continue;
      if (this.isPodBackingoff(pInfo)) this.addToBackoffQ(pInfo);
      else this.moveToActiveQ(pInfo);
    }
    this.moveRequestCycle = this.cycle;
  }

  /** pendingPods lists the pods in each queue (in no particular order), for inspection and tests. */
  pendingPods(): { activeQ: Pod[]; backoffQ: Pod[]; unschedulable: Pod[] } {
    const out = { activeQ: [] as Pod[], backoffQ: [] as Pod[], unschedulable: [] as Pod[] };
    for (const { pInfo, location } of this.pods.values()) {
      if (location === 'activeQ') out.activeQ.push(pInfo.pod);
      else if (location === 'backoffQ' || location === 'errorBackoffQ') out.backoffQ.push(pInfo.pod);
      else if (location === 'unschedulable') out.unschedulable.push(pInfo.pod);
    }
    return out;
  }
}
