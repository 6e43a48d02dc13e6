// A Service as `kubectl describe service` shows it (Type, IP/IPs, Port/TargetPort/NodePort, LoadBalancer Ingress)
// with its endpoints as `kubectl describe endpointslice` lists them (address, conditions, target, node).
// Mirrors staging/src/k8s.io/kubectl/pkg/describe/describe.go describeService and describeEndpointSliceV1.
import { useMemo } from 'react';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { objectList } from '../store/kindObjects';
import { useTrafficStore } from '../store/trafficStore';
import { useUiStore } from '../store/uiStore';
import { byPodName, countEndpoints, endpointRows, endpointsText, slicesByService, type EndpointRow } from '../graph/network/endpointRows';
import { externalLine, portLines, serviceKey, serviceType } from '../graph/network/serviceText';
import { cardTrafficText } from '../graph/network/trafficText';

/** The table lists this many endpoints; a Service of 2,000 says how many more. */
const SHOWN_ENDPOINTS = 100;

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** endpointState puts an endpoint's three conditions in words: `ready`, `not ready`, `terminating, serving`. */
export function endpointState(r: EndpointRow): string {
  if (r.terminating) return r.serving ? 'terminating, serving' : 'terminating';
  return r.ready ? 'ready' : r.serving ? 'serving, not ready' : 'not ready';
}

/** ServiceNetworkSection is the inspector's section for a Service: addresses, ports and the endpoints table. */
export function ServiceNetworkSection({ object }: { object: KubeObject }) {
  const service = object as Service;
  const slices = useClusterStore((s) => s.objects.EndpointSlice);
  const select = useUiStore((s) => s.select);
  const key = serviceKey(service);
  const traffic = useTrafficStore((s) => cardTrafficText(s.stats.services[key]));
  const rows = useMemo(() => [...endpointRows(slicesByService(objectList<EndpointSlice>(slices)).get(key))].sort(byPodName), [slices, key]);
  const selector = Object.entries(service.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const external = externalLine(service);
  return (
    <section aria-label="service network" className="space-y-1">
      <h3 className="font-semibold">Service</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 font-mono">
        <dt className="text-slate-500">type</dt>
        <dd>{serviceType(service)}</dd>
        <dt className="text-slate-500">IPs</dt>
        <dd>{(service.spec?.clusterIPs ?? [service.spec?.clusterIP ?? '<none>']).join(', ')}</dd>
        <dt className="text-slate-500">ports</dt>
        <dd>
          {portLines(service).map((l) => (
            <div key={l}>{l}</div>
          ))}
        </dd>
        {external && (
          <>
            <dt className="text-slate-500">external</dt>
            <dd>{external}</dd>
          </>
        )}
        <dt className="text-slate-500">selector</dt>
        <dd>{selector || '<none>'}</dd>
        <dt className="text-slate-500">traffic</dt>
        <dd>{traffic}</dd>
      </dl>
      <h3 className="font-semibold">Endpoints: {endpointsText(countEndpoints(rows))}</h3>
      {rows.length > 0 && (
        <ul aria-label="endpoints" className="space-y-0.5 font-mono">
          {rows.slice(0, SHOWN_ENDPOINTS).map((r) => (
            <li key={r.ip} aria-label={`endpoint ${r.ip}`} className={endpointState(r) === 'ready' ? '' : 'text-amber-700 dark:text-amber-400'}>
              {r.pod ? (
                <button className="block max-w-full truncate underline-offset-2 hover:underline" onClick={() => select({ kind: 'Pod', namespace: r.pod!.split('/')[0], name: r.pod!.split('/')[1] })}>
                  {r.pod.split('/')[1]}
                </button>
              ) : (
                <span className="block">no pod</span>
              )}
              <span className="block pl-2 text-[10px] text-slate-500" title={`ready ${yesNo(r.ready)}, serving ${yesNo(r.serving)}, terminating ${yesNo(r.terminating)}`}>
                {r.ip} · {r.node ?? 'no node'} · {endpointState(r)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > SHOWN_ENDPOINTS && <p className="text-slate-500">and {rows.length - SHOWN_ENDPOINTS} more endpoints</p>}
    </section>
  );
}
