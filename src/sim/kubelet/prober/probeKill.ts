// Mirrors the probe branches of pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions: the kill
// message) and kuberuntime_container.go (setTerminationGracePeriod); leaves out every other kill reason.
import type { Container, Pod } from 'kubernetes-types/core/v1';

/** minimumGracePeriodInSeconds is what the kubelet falls back to when no grace period is set at all. */
const MINIMUM_GRACE_PERIOD_SECONDS = 2;

/**
 * probeKillMessage is the message of the `Killing` event when a liveness or startup probe has failed:
 * `Container liveness failed liveness probe, will be restarted`. The suffix is there unless restartPolicy is
 * Never (shouldRestartOnFailure), because then the container stays dead.
 */
export function probeKillMessage(pod: Pod, container: Container, probeType: 'liveness' | 'startup'): string {
  const message = `Container ${container.name} failed ${probeType} probe`;
  return pod.spec?.restartPolicy === 'Never' ? message : `${message}, will be restarted`;
}

/**
 * probeKillGracePeriodSeconds is setTerminationGracePeriod for a probe kill: a pod already being deleted keeps its
 * deletion grace period; otherwise the probe's own terminationGracePeriodSeconds, when set, overrides the pod's.
 */
export function probeKillGracePeriodSeconds(pod: Pod, container: Container, probeType: 'liveness' | 'startup'): number {
  if (pod.metadata?.deletionGracePeriodSeconds != null) return pod.metadata.deletionGracePeriodSeconds;
  const podGrace = pod.spec?.terminationGracePeriodSeconds;
  if (podGrace == null) return MINIMUM_GRACE_PERIOD_SECONDS;
  const probe = probeType === 'liveness' ? container.livenessProbe : container.startupProbe;
  return probe?.terminationGracePeriodSeconds ?? podGrace;
}
