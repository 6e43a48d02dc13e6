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

/** podImages are the normalized image names of a pod's init and app containers, computed once per pod object. */
const podImages = new WeakMap<Pod, string[]>();

function imagesOf(pod: Pod): string[] {
  let images = podImages.get(pod);
  if (!images) {
    images = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => normalizedImageName(c.image ?? ''));
    podImages.set(pod, images);
  }
  return images;
}

/** sumImageScores sums the scaled sizes of the pod's (init and app) container images present on the node. */
function sumImageScores(nodeInfo: NodeInfo, pod: Pod, totalNumNodes: number): number {
  let sum = 0;
  for (const image of imagesOf(pod)) {
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
  constructor(private readonly handle: Handle) {}

  name(): string {
    return Name;
  }

  score(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const numContainers = (pod.spec?.initContainers?.length ?? 0) + (pod.spec?.containers?.length ?? 0);
    // A node without images scores the minimum; no need to look at the pod's images.
    if (nodeInfo.imageStates.size === 0) return calculatePriority(0, numContainers);
    const totalNumNodes = this.handle.snapshotSharedLister().nodeInfos().list().length;
    return calculatePriority(sumImageScores(nodeInfo, pod, totalNumNodes), numContainers);
  }

  scoreExtensions(): ScoreExtensions | null {
    return null;
  }
}

/** New initializes a new plugin and returns it. */
export function New(_args: unknown, handle: Handle): Plugin {
  return new ImageLocality(handle);
}
