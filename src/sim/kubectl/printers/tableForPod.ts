// Mirrors printPod in pkg/printers/internalversion/printers.go (columns and -o wide cells); READY, STATUS and
// RESTARTS come from podStatus.ts.
import type { Pod } from 'kubernetes-types/core/v1';
import { AGE, NAME, since, tableHandler } from './table';
import { podRow } from './podStatus';

/** podTable is `kubectl get pods`: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES. */
export const podTable = tableHandler<Pod>(
  [
    NAME,
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    AGE,
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  (pod, now) => {
    const row = podRow(pod);
    const restarts = row.lastRestartAt ? `${row.restarts} (${since(row.lastRestartAt, now)} ago)` : String(row.restarts);
    const gates = pod.spec?.readinessGates ?? [];
    const conditions = pod.status?.conditions ?? [];
    const readinessGates =
      gates.length === 0
        ? '<none>'
        : `${gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length}/${gates.length}`;
    return [
      pod.metadata.name ?? '',
      row.ready,
      row.status,
      restarts,
      since(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
);
