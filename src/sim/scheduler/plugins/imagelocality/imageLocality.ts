// Mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go; no QueueingHints.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycleState';
import { MaxNodeScore, type Handle, type Plugin, type ScoreExtensions, type ScorePlugin } from '../../framework/interface';
import type { ImageStateSummary, NodeInfo } from '../../framework/nodeInfo';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.ImageLocality;

// The two thresholds are used as bounds for the image score range. They correspond to a reasonable size range
// for container images compressed and stored in registries; 90%ile of images on dockerhub drops into this range.
const mb = 1024 * 1024;
const minThreshold = 23 * mb;
const maxContainerThreshold = 1000 * mb;

/**
 * normalizedImageName returns the CRI compliant name for a given image: an image without a tag (no ':' after
 * the last '/') gets ':latest'.
 */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}

/** scaledImageScore returns an adaptively scaled score: the image size times the share of nodes that have it. */
function scaledImageScore(imageState: ImageStateSummary, totalNumNodes: number): number {
  const spread = imageState.numNodes / totalNumNodes;
  return Math.trunc(imageState.size * spread);
}

/** imagesOf returns the normalized image names of a pod's init and app containers. */
function imagesOf(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
}

/** sumImageScores sums the scaled sizes of the pod's (init and app) container images present on the node. */
function sumImageScores(nodeInfo: NodeInfo, images: readonly string[], totalNumNodes: number): number {
  let sum = 0;
  for (const image of images) {
    const state = nodeInfo.imageStates.get(image);
    if (state) sum += scaledImageScore(state, totalNumNodes);
  }
  return sum;
}

/** calculatePriority clamps the sum between 23 MiB and 1000 MiB per container and maps it onto 0..100. */
function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = maxContainerThreshold * numContainers;
  if (sumScores < minThreshold) sumScores = minThreshold;
  else if (sumScores > maxThreshold) sumScores = maxThreshold;
  return Math.trunc((MaxNodeScore * (sumScores - minThreshold)) / (maxThreshold - minThreshold));
}

/** ImageLocality is a score plugin that favors nodes that already have the pod's container images. */
export class ImageLocality implements ScorePlugin {
  /**
   * The pod scored last, its images and number of containers: Score asks about one pod for every node of a
   * cycle. Pods from the API are immutable, so the pod object identifies them.
   */
  private pod: Pod | undefined;
  private images: string[] = [];
  private numContainers = 0;

  constructor(private readonly handle: Handle) {}

  name(): string {
    return Name;
  }

  score(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    if (pod !== this.pod) {
      this.pod = pod;
      this.images = imagesOf(pod);
      this.numContainers = (pod.spec?.initContainers?.length ?? 0) + (pod.spec?.containers?.length ?? 0);
    }
    // A node without images scores the minimum; no need to look at the pod's images.
    if (nodeInfo.imageStates.size === 0) return calculatePriority(0, this.numContainers);
    const totalNumNodes = this.handle.snapshotSharedLister().nodeInfos().list().length;
    return calculatePriority(sumImageScores(nodeInfo, this.images, totalNumNodes), this.numContainers);
  }

  scoreExtensions(): ScoreExtensions | null {
    return null;
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args: unknown, handle: Handle): Plugin {
  return new ImageLocality(handle);
}
