// Mirrors pkg/kubelet/images/image_manager.go (EnsureImageExists, shouldPullImage, the per pod+image pull back-off)
// and the errors of pkg/kubelet/images/types.go; leaves out pull secrets and the ensure-secret-pulled-images check.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { VirtualClock, VirtualMs } from '../../clock/virtualClock';
import { Backoff } from '../backoff';
import { goDuration } from '../format';
import type { ImageService } from '../cri/imageService';
import { parseImageReference } from './reference';

/** Image pull back-off: 10 s doubling to 300 s, the kubelet's backOffPeriod and MaxContainerBackOff. */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;

/** ImageErrorReason is the waiting reason a failed EnsureImageExists leaves on the container. */
export type ImageErrorReason = 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName';

/** EnsureResult is EnsureImageExists' (imageRef, message, error). */
export type EnsureResult =
  | { ok: true; imageRef: string; image: string }
  | { ok: false; reason: ImageErrorReason; message: string };

/** ImageEventSink records a Kubernetes Event about the pod (reason, message) with the given type. */
export type ImageEventSink = (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * ImageManager makes sure a container's image is on the node before the container is created: it honours the pull
 * policy, reports Pulling/Pulled/Failed/BackOff events in upstream's wording, and backs off failed pulls per pod and
 * image.
 */
export class ImageManager {
  private readonly backOff: Backoff;
  private readonly lastError = new Map<string, string>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly images: ImageService,
    private readonly event: ImageEventSink,
  ) {
    this.backOff = new Backoff(() => clock.now(), IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS);
  }

  /** ensureImageExists calls done at once when no pull is needed, or on the virtual clock when a pull finishes. */
  ensureImageExists(pod: Pod, container: Container, done: (result: EnsureResult) => void): void {
    const spelled = container.image ?? '';
    const ref = parseImageReference(spelled);
    if (!ref) {
      const message = `Failed to apply default image tag "${spelled}": couldn't parse image name "${spelled}": invalid reference format`;
      this.event(pod, 'Warning', 'InspectFailed', message);
      done({ ok: false, reason: 'InvalidImageName', message });
      return;
    }
    const image = ref.tag ? `${ref.repository}:${ref.tag}` : `${ref.repository}@${ref.digest}`;
    const present = this.images.imageRef(spelled);
    const policy = container.imagePullPolicy ?? (ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
    if (!shouldPullImage(policy, present !== undefined)) {
      if (present) {
        this.images.remember(spelled);
        this.event(pod, 'Normal', 'Pulled', `Container image "${spelled}" already present on machine`);
        done({ ok: true, imageRef: present, image });
        return;
      }
      const message = `Container image "${spelled}" is not present with pull policy of Never`;
      this.event(pod, 'Warning', 'ErrImageNeverPull', message);
      done({ ok: false, reason: 'ErrImageNeverPull', message });
      return;
    }
    const key = backOffKey(pod, spelled);
    if (this.backOff.isInBackOffSinceUpdate(key, this.clock.now())) {
      done({ ok: false, reason: 'ImagePullBackOff', message: this.backOffMessage(pod, spelled) });
      return;
    }
    this.event(pod, 'Normal', 'Pulling', `Pulling image "${spelled}"`);
    this.images.pull(spelled, (result) => {
      if (!result.ok) {
        this.event(pod, 'Warning', 'Failed', `Failed to pull image "${spelled}": ${result.message}`);
        this.backOff.next(key, this.clock.now());
        this.lastError.set(key, result.message);
        done({ ok: false, reason: 'ErrImagePull', message: result.message });
        return;
      }
      this.images.remember(spelled);
      this.event(
        pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${spelled}" in ${goDuration(result.pullMs)} (${goDuration(result.totalMs)} including waiting). Image size: ${result.size} bytes.`,
      );
      this.backOff.gc();
      this.lastError.delete(key);
      done({ ok: true, imageRef: result.imageRef, image });
    });
  }

  /**
   * reportBackOff is what the sync after a failed pull sees while the back-off window is open: the BackOff event and
   * the ImagePullBackOff message (which since v1.30 also carries the last pull error).
   */
  reportBackOff(pod: Pod, image: string): string {
    this.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
    return this.backOffMessage(pod, image);
  }

  /** retryAt is when the pull back-off of this pod and image closes. */
  retryAt(pod: Pod, image: string): VirtualMs | undefined {
    return this.backOff.windowEndSinceUpdate(backOffKey(pod, image));
  }

  private backOffMessage(pod: Pod, image: string): string {
    const last = this.lastError.get(backOffKey(pod, image));
    return last ? `Back-off pulling image "${image}": ErrImagePull: ${last}` : `Back-off pulling image "${image}"`;
  }
}

/** shouldPullImage: Never never pulls, Always always does, IfNotPresent only when the image is missing. */
export function shouldPullImage(policy: string, present: boolean): boolean {
  if (policy === 'Never') return false;
  if (policy === 'Always') return true;
  return !present;
}

function backOffKey(pod: Pod, image: string): string {
  return `${pod.metadata?.uid}_${image}`;
}
