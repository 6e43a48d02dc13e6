// Mirrors k8s.io/kubectl/pkg/describe/describe.go getPodStatusForController.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { ApiClient } from '../../store/types';

/** PodPhaseCounts is the `Pods Status:` line's tally. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * podStatusForController counts, by phase, the pods that match the selector and whose controller is the object with
 * this uid; orphans and other controllers' pods are skipped.
 */
export function podStatusForController(client: ApiClient, namespace: string, selector: string, uid: string | undefined): PodPhaseCounts {
  const counts: PodPhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of client.list<Pod & KubeObject>('Pod', { namespace, labelSelector: selector || undefined })) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

/** podsStatusText is `1 Running / 0 Waiting / 0 Succeeded / 0 Failed`. */
export function podsStatusText(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
