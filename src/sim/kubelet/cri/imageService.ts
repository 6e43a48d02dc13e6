// Mirrors the CRI ImageService of containerd as the kubelet sees it (ImageStatus, PullImage, ListImages), with the
// kubelet's serialized puller (pkg/kubelet/images/serialized_image_puller.go, serializeImagePulls defaults to true).
import type { SeededRandom } from '../../clock/random';
import type { VirtualClock, VirtualMs } from '../../clock/virtualClock';
import { lookupImage, type RepositoryInfo } from '../images/catalogue';
import { parseImageReference, type ImageReference } from '../images/reference';

/** ImageRecord is one image in a node's content store. */
export interface ImageRecord {
  /** `sha256:…` image id. */
  id: string;
  /** Fully qualified tags, e.g. `docker.io/library/nginx:1.14.2`. */
  repoTags: string[];
  /** `docker.io/library/nginx@sha256:…`. */
  repoDigests: string[];
  /** How pods spelled the image (`nginx:1.14.2`), so node.status.images matches what ImageLocality looks up. */
  spellings: string[];
  size: number;
  info: RepositoryInfo;
}

/** PullResult is the outcome of one PullImage call: the image ref and timings, or containerd's error. */
export type PullResult =
  | { ok: true; imageRef: string; size: number; pullMs: VirtualMs; totalMs: VirtualMs }
  | { ok: false; message: string };

interface PullRequest {
  ref: ImageReference;
  requestedAt: VirtualMs;
  done: (result: PullResult) => void;
}

/** Registry round trips (token, manifest, config) before the first layer byte, in ms. */
const REGISTRY_LATENCY_MS: readonly [number, number] = [300, 800];
/** Download throughput in bytes per second (15–30 MB/s: a laptop or CI network pulling from Docker Hub). */
const THROUGHPUT_BYTES_PER_S: readonly [number, number] = [15_000_000, 30_000_000];

/**
 * ImageService is one node's image store and puller. Pulls run one at a time, as with the kubelet's default
 * serialized puller, so a pod whose pull queues behind another reports the wait ("including waiting").
 */
export class ImageService {
  private readonly images = new Map<string, ImageRecord>();
  private readonly byTag = new Map<string, ImageRecord>();
  private readonly queue: PullRequest[] = [];
  private pulling = false;
  private slowFactor = 1;
  /** Counts changes to what list() returns, so the node status skips rebuilding an unchanged image list. */
  private changes = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
    private readonly owner: string,
  ) {}

  /** imageRef is ImageStatus: the image's `repo@sha256:…` ref when present, else undefined. */
  imageRef(image: string): string | undefined {
    return this.record(image)?.repoDigests[0];
  }

  /** remember notes how a pod spelled a stored image, for node.status.images. */
  remember(image: string): void {
    const record = this.record(image);
    if (record && !record.spellings.includes(image) && !record.repoTags.includes(image)) {
      record.spellings.push(image);
      this.changes++;
    }
  }

  /** revision moves whenever list() may return something different (a stored image, a new spelling). */
  revision(): number {
    return this.changes;
  }

  /** record is the stored image a reference resolves to. */
  record(image: string): ImageRecord | undefined {
    const ref = parseImageReference(image);
    return ref && this.find(ref);
  }

  /** preload puts images in the store without pulling, as kubeadm's pre-pulled images are. */
  preload(images: readonly string[]): void {
    for (const image of images) {
      const ref = parseImageReference(image);
      if (!ref) continue;
      const found = lookupImage(ref);
      if (found.ok) this.store(ref, found.image.id, found.image.repoDigest, found.image.size, found.image.info);
    }
  }

  /** pull queues a PullImage; `done` runs on the virtual clock when it finishes. */
  pull(image: string, done: (result: PullResult) => void): void {
    const ref = parseImageReference(image);
    if (!ref) {
      done({ ok: false, message: `couldn't parse image name "${image}": invalid reference format` });
      return;
    }
    this.queue.push({ ref, requestedAt: this.clock.now(), done });
    if (!this.pulling) this.startNext();
  }

  /** list is ListImages, biggest first (the order node.status.images uses). */
  list(): ImageRecord[] {
    return [...this.images.values()].sort((a, b) => b.size - a.size || (a.repoTags[0]! < b.repoTags[0]! ? -1 : 1));
  }

  /** slow multiplies every later pull's duration (chaos: a congested registry or node network). */
  slow(factor: number): void {
    this.slowFactor = Math.max(0, factor);
  }

  private startNext(): void {
    const request = this.queue.shift();
    if (!request) {
      this.pulling = false;
      return;
    }
    this.pulling = true;
    const found = lookupImage(request.ref);
    const present = this.find(request.ref) !== undefined;
    let duration = this.random.between(REGISTRY_LATENCY_MS[0], REGISTRY_LATENCY_MS[1]);
    // An image already in the store only needs its manifest checked; layers already present are not downloaded.
    if (found.ok && !present) {
      const throughput = this.random.between(THROUGHPUT_BYTES_PER_S[0], THROUGHPUT_BYTES_PER_S[1]);
      duration += Math.round((found.image.size / throughput) * 1000);
    }
    duration = Math.round(duration * this.slowFactor);
    const startedAt = this.clock.now();
    this.clock.schedule(duration, {
      owner: this.owner,
      label: `pull ${request.ref.spelled}`,
      run: () => {
        const now = this.clock.now();
        if (found.ok) {
          const record = this.store(request.ref, found.image.id, found.image.repoDigest, found.image.size, found.image.info);
          request.done({ ok: true, imageRef: record.repoDigests[0]!, size: record.size, pullMs: now - startedAt, totalMs: now - request.requestedAt });
        } else {
          request.done({ ok: false, message: found.message });
        }
        this.startNext();
      },
    });
  }

  private find(ref: ImageReference): ImageRecord | undefined {
    if (ref.digest) return [...this.images.values()].find((r) => r.repoDigests.includes(`${ref.repository}@${ref.digest}`));
    return this.byTag.get(ref.normalized);
  }

  private store(ref: ImageReference, id: string, repoDigest: string, size: number, info: RepositoryInfo): ImageRecord {
    this.changes++;
    let record = this.images.get(id);
    if (!record) {
      record = { id, repoTags: [], repoDigests: [`${ref.repository}@${repoDigest}`], spellings: [], size, info };
      this.images.set(id, record);
    }
    if (ref.tag) {
      const tagged = `${ref.repository}:${ref.tag}`;
      // A tag points at one image: moving it (a newer `latest`) takes it off the old one.
      const previous = this.byTag.get(tagged);
      if (previous && previous !== record) previous.repoTags = previous.repoTags.filter((t) => t !== tagged);
      if (!record.repoTags.includes(tagged)) record.repoTags.push(tagged);
      this.byTag.set(tagged, record);
    }
    return record;
  }
}
