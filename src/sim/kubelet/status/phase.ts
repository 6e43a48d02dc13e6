// Mirrors getPhase of pkg/kubelet/kubelet_pods.go with the ContainerRestartRules feature off (its default).
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { isRestartableInitContainer } from './generate';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/**
 * getPhase: pending init containers or waiting containers keep a pod Pending; any running container makes it Running;
 * once all are terminated the restart policy decides (Always keeps it Running while it restarts). A pod the kubelet
 * treats as terminal goes Succeeded when every container exited 0, else Failed.
 */
export function getPhase(pod: Pod, statuses: readonly ContainerStatus[], podIsTerminal: boolean, podHasInitialized: boolean): PodPhase {
  const spec = pod.spec;
  const find = (name: string) => statuses.find((s) => s.name === name);
  let pendingRestartableInit = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;
  for (const c of spec?.initContainers ?? []) {
    if (isRestartableInitContainer(c)) continue;
    const s = find(c.name);
    if (!s || s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec?.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = find(c.name);
    if (!s) unknown++;
    else if (s.state?.running) {
      if (s.started !== true) pendingRestartableInit++;
      running++;
    } else if (s.state?.waiting && !s.lastState?.terminated) {
      pendingRestartableInit++;
      waiting++;
    } else if (!s.state?.terminated && !s.state?.waiting) {
      pendingRestartableInit++;
      unknown++;
    }
  }
  for (const c of spec?.containers ?? []) {
    const s = find(c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const restartPolicy = spec?.restartPolicy ?? 'Always';
  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
