import type { Pod } from 'kubernetes-types/core/v1';

/** PodRow is what `kubectl get pods` shows for a pod, apart from its name and age. */
export interface PodRow {
  ready: string;
  status: string;
  restarts: number;
  /** finishedAt of the most recent restart, for `4 (20s ago)`. */
  lastRestartAt?: string;
}

/**
 * podRow mirrors printPod in pkg/printers/internalversion/printers.go: READY counts ready app containers and
 * started sidecars; STATUS is the first reason found in upstream's order (init containers, then app containers
 * from last to first, then Terminating/Unknown).
 */
export function podRow(pod: Pod): PodRow {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const sidecars = new Set((spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let total = (spec?.containers.length ?? 0) + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestart: string | undefined;
  let reason: string = status.reason ?? status.phase ?? 'Unknown';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const noteRestart = (count: number, finishedAt: string | undefined) => {
    restarts += count;
    if (finishedAt && (!lastRestart || finishedAt > lastRestart)) lastRestart = finishedAt;
  };
  // Restarts of sidecars seen while walking init containers: all that counts once the pod is initialized.
  let sidecarRestarts = 0;
  let lastSidecarRestart: string | undefined;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const finishedAt = c.lastState?.terminated?.finishedAt;
    noteRestart(c.restartCount, finishedAt);
    if (sidecars.has(c.name)) {
      sidecarRestarts += c.restartCount;
      if (finishedAt && (!lastSidecarRestart || finishedAt > lastSidecarRestart)) lastSidecarRestart = finishedAt;
    }
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (c.state?.terminated) {
      const t = c.state.terminated;
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? initStatuses.length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      noteRestart(c.restartCount, c.lastState?.terminated?.finishedAt);
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  total = Math.max(total, 0);
  return { ready: `${ready}/${total}`, status: reason, restarts, lastRestartAt: restarts > 0 ? lastRestart : undefined };
}
