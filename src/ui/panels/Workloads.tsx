import { useMemo } from 'react';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { useClusterStore } from '../store/clusterStore';
import { objectList } from '../store/kindObjects';
import { useUiStore } from '../store/uiStore';
import { ownerColour } from '../graph/podAppearance';

/** Workloads lists each Deployment with its ReplicaSets (revision, colour, desired/current/ready), newest first. */
export function Workloads() {
  const deployments = useClusterStore((s) => s.objects.Deployment);
  const replicaSets = useClusterStore((s) => s.objects.ReplicaSet);
  const select = useUiStore((s) => s.select);
  const rows = useMemo(() => {
    const rsList = objectList<ReplicaSet>(replicaSets);
    return objectList<Deployment>(deployments).map((d) => ({
      d,
      sets: rsList
        .filter((rs) => rs.metadata?.namespace === d.metadata?.namespace && rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid))
        .sort((a, b) => revision(b) - revision(a)),
    }));
  }, [deployments, replicaSets]);
  if (rows.length === 0) return null;
  return (
    <section aria-label="workloads" className="space-y-2 p-2 text-xs">
      <h2 className="font-semibold">Deployments</h2>
      {rows.map(({ d, sets }) => (
        <div key={d.metadata?.uid} className="rounded border border-slate-300 p-1 dark:border-slate-700">
          <button className="font-mono font-semibold underline-offset-2 hover:underline" onClick={() => select({ kind: 'Deployment', namespace: d.metadata?.namespace ?? '', name: d.metadata?.name ?? '' })}>
            deploy/{d.metadata?.name}
          </button>{' '}
          <span className="text-slate-500">
            ready {d.status?.readyReplicas ?? 0}/{d.spec?.replicas ?? 1} · up-to-date {d.status?.updatedReplicas ?? 0} · available {d.status?.availableReplicas ?? 0}
          </span>
          <ul className="mt-1 space-y-0.5">
            {sets.map((rs, i) => (
              <li key={rs.metadata?.uid} aria-label={`replicaset ${rs.metadata?.name}`} className="flex items-center gap-1 font-mono">
                <span className="inline-block h-3 w-3 rounded-sm" style={{ background: ownerColour(rs.metadata?.name) }} />
                <button className="hover:underline" onClick={() => select({ kind: 'ReplicaSet', namespace: rs.metadata?.namespace ?? '', name: rs.metadata?.name ?? '' })}>
                  {rs.metadata?.name}
                </button>
                <span className="text-slate-500">
                  rev {revision(rs)} {i === 0 ? '(new)' : '(old)'} · {rs.spec?.replicas ?? 0}/{rs.status?.replicas ?? 0}/{rs.status?.readyReplicas ?? 0}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="text-[10px] text-slate-500">ReplicaSet counts: desired/current/ready. Pod chips carry their ReplicaSet's colour.</p>
    </section>
  );
}

function revision(rs: ReplicaSet): number {
  return Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}
