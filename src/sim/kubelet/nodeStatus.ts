// Mirrors pkg/kubelet/kubelet_node_status.go (syncNodeStatus/tryUpdateNodeStatus with the node lease: post only when
// the status changed or nodeStatusReportFrequency passed) and the condition and image setters of
// pkg/kubelet/nodestatus/setters.go. Leaves out capacity, addresses and version setters: the node keeps them.
import type { ContainerImage, Node, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { rfc3339 } from '../clock/timeFormat';
import type { VirtualClock, VirtualMs } from '../clock/virtualClock';
import { Repeating } from '../clock/repeating';
import { deepEqual } from '../store/mergePatch';
import type { ApiClient } from '../store/types';
import type { ImageService } from './cri/imageService';

/** nodeStatusUpdateFrequency: how often the kubelet computes its node status. */
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;
/** nodeStatusReportFrequency: an unchanged status is still posted this often. */
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;
/** nodeStatusMaxImages. */
export const NODE_STATUS_MAX_IMAGES = 50;

type NodeObject = Node & KubeObject;

const KUBELET_CONDITIONS: readonly Omit<NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/** NodeEventSink records an Event about the node. */
export type NodeEventSink = (reason: string, message: string) => void;

/** NodeStatusReporter posts the node's conditions and images every 10 s when they changed, and every 5 min anyway. */
export class NodeStatusReporter {
  private readonly loop: Repeating;
  private lastReport: VirtualMs = -Infinity;
  private listed: ContainerImage[] = [];
  private listedRevision = -1;

  constructor(
    private readonly nodeName: string,
    private readonly client: ApiClient,
    private readonly clock: VirtualClock,
    private readonly owner: string,
    private readonly images: ImageService,
    private readonly event: NodeEventSink,
  ) {
    this.loop = new Repeating(clock, owner, 'sync node status', NODE_STATUS_UPDATE_FREQUENCY_MS, () => this.sync());
  }

  /** start posts the status now (a starting kubelet registers and reports at once), then every 10 s. */
  start(): void {
    this.lastReport = -Infinity;
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }


  private sync(): void {
    const node = this.client.get<NodeObject>('Node', '', this.nodeName);
    if (!node) return;
    const now = this.clock.now();
    const old = node.status ?? {};
    const images = this.imageList();
    // Told before the next status is built: nearly every sync changes nothing but heartbeats.
    if (statusHolds(old, images) && now - this.lastReport < NODE_STATUS_REPORT_FREQUENCY_MS) return;
    const next: NodeStatus = { ...old, conditions: this.conditions(old.conditions ?? [], now), images };
    const becameReady = old.conditions?.find((c) => c.type === 'Ready')?.status !== 'True';
    this.client.updateStatus<NodeObject>({ ...node, status: next }, { actor: this.owner, reason: `posted the node status of ${this.nodeName}`, quiet: true });
    this.lastReport = now;
    if (becameReady) this.event('NodeReady', `Node ${this.nodeName} status is now: NodeReady`);
  }

  private conditions(old: readonly NodeCondition[], now: VirtualMs): NodeCondition[] {
    const stamp = rfc3339(now);
    const ours = KUBELET_CONDITIONS.map((c) => {
      const before = old.find((o) => o.type === c.type);
      const transition = before && before.status === c.status && before.lastTransitionTime ? before.lastTransitionTime : stamp;
      // Listed rather than spread: V8 takes a slow path for a spread followed by new keys.
      return { type: c.type, status: c.status, reason: c.reason, message: c.message, lastHeartbeatTime: stamp, lastTransitionTime: transition };
    });
    const others = old.filter((o) => !KUBELET_CONDITIONS.some((c) => c.type === o.type));
    return [...others, ...ours];
  }

  /** imageList is node.status.images, built again only when the image store changed. */
  private imageList(): ContainerImage[] {
    const revision = this.images.revision();
    if (revision !== this.listedRevision) {
      this.listed = this.images
        .list()
        .slice(0, NODE_STATUS_MAX_IMAGES)
        .map((r) => ({ names: [...r.repoDigests, ...r.repoTags, ...r.spellings], sizeBytes: r.size }));
      this.listedRevision = revision;
    }
    return this.listed;
  }
}

const KUBELET_TYPES = new Set(KUBELET_CONDITIONS.map((c) => c.type));

/**
 * statusHolds is nodeStatusHasChanged negated for the status the kubelet would post: its conditions, heartbeat times
 * aside, are what conditions() builds (the others first, then the kubelet's own with their transition times kept)
 * and the images are `images`. Every other field is carried over from the node as it is.
 */
function statusHolds(old: NodeStatus, images: readonly ContainerImage[]): boolean {
  const conditions = old.conditions ?? [];
  const offset = conditions.length - KUBELET_CONDITIONS.length;
  if (offset < 0) return false;
  for (let i = 0; i < conditions.length; i++) {
    const o = conditions[i]!;
    if (i < offset) {
      if (KUBELET_TYPES.has(o.type)) return false;
      continue;
    }
    const c = KUBELET_CONDITIONS[i - offset]!;
    if (o.type !== c.type || o.status !== c.status || o.reason !== c.reason || o.message !== c.message || !o.lastTransitionTime) return false;
  }
  return deepEqual(old.images ?? [], images);
}
