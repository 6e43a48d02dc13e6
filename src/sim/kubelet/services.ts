// The services one node's kubelet hands its pod workers (upstream these are fields of the Kubelet struct).
import type { Pod } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/virtualClock';
import type { ApiClient } from '../store/types';
import type { Backoff } from './backoff';
import type { ProbeOverrides } from './behaviour/probeOverrides';
import type { RuntimeService } from './cri/runtimeService';
import type { ImageManager } from './images/imageManager';
import type { ProberManager } from './prober/types';

/**
 * KubeletServices is what one node's kubelet shares with its pod workers: the API client, the clock, the container
 * runtime, the image and probe managers, the crash-loop back-off and the event recorder.
 */
export interface KubeletServices {
  nodeName: string;
  /** The actor of every write: `kubelet/<node>`. */
  owner: string;
  client: ApiClient;
  clock: VirtualClock;
  runtime: RuntimeService;
  images: ImageManager;
  prober: ProberManager | undefined;
  overrides: ProbeOverrides;
  /** Container restart back-off: 10 s doubling to 300 s (kubelet backOffPeriod, MaxContainerBackOff). */
  crashBackOff: Backoff;
  /** The node's InternalIP. */
  hostIP(): string;
  /** event records a Kubernetes Event about a pod, from `kubelet` on this node. */
  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void;
}
