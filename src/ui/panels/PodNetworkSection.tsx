// A pod's place on the network, as `kubectl get pod -o wide` (IP, NODE) and `kubectl describe pod` (IP, Node's
// address) show it, and the Services whose EndpointSlices list it (what `kubectl get endpointslices` would reveal).
import { useMemo } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { objectList } from '../store/kindObjects';
import { useUiStore } from '../store/uiStore';
import { SERVICE_NAME_LABEL } from '../graph/network/endpointRows';
import { compareKeys } from '../graph/network/serviceText';

/** BackedService is a Service a pod is an endpoint of, with the endpoint's state in words. */
export interface BackedService {
  namespace: string;
  name: string;
  state: string;
}

/** servicesBackedBy lists the Services whose slices hold the pod as an endpoint: `ready`, `not ready`, `terminating`. */
export function servicesBackedBy(namespace: string, name: string, slices: readonly EndpointSlice[]): BackedService[] {
  const out = new Map<string, BackedService>();
  for (const slice of slices) {
    const service = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    if (!service || slice.metadata?.namespace !== namespace) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.targetRef?.kind !== 'Pod' || ep.targetRef.name !== name) continue;
      const ready = ep.conditions?.ready ?? true;
      const state = ep.conditions?.terminating ? `terminating${(ep.conditions.serving ?? ready) ? ', still serving' : ''}` : ready ? 'ready' : 'not ready';
      out.set(service, { namespace, name: service, state });
    }
  }
  return [...out.values()].sort((a, b) => compareKeys(a.name, b.name));
}

/** PodNetworkSection is the inspector's Network section for a pod. */
export function PodNetworkSection({ object }: { object: KubeObject }) {
  const pod = object as Pod;
  const slices = useClusterStore((s) => s.objects.EndpointSlice);
  const select = useUiStore((s) => s.select);
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const backed = useMemo(() => servicesBackedBy(namespace, name, objectList<EndpointSlice>(slices)), [slices, namespace, name]);
  return (
    <section aria-label="pod network">
      <h3 className="font-semibold">Network</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 font-mono">
        <dt className="text-slate-500">IP</dt>
        <dd>{pod.status?.podIP ?? '<none>'}</dd>
        <dt className="text-slate-500">host IP</dt>
        <dd>
          {pod.status?.hostIP ?? '<none>'}
          {pod.spec?.nodeName ? ` (${pod.spec.nodeName})` : ''}
        </dd>
      </dl>
      {backed.length === 0 ? (
        <p className="text-slate-500">Not an endpoint of any Service.</p>
      ) : (
        <ul className="font-mono">
          {backed.map((b) => (
            <li key={b.name}>
              backs{' '}
              <button className="text-sky-600 underline dark:text-sky-400" onClick={() => select({ kind: 'Service', namespace: b.namespace, name: b.name })}>
                svc/{b.name}
              </button>{' '}
              <span className={b.state === 'ready' ? 'text-emerald-600' : 'text-amber-600 dark:text-amber-400'}>({b.state})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
