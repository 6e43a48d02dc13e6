// A Service on the graph, with the facts `kubectl get service` and `kubectl describe service` give (type, ClusterIP,
// ports, node ports, load-balancer address, endpoints) plus its traffic. Mirrors kubectl's describeService.
import { memo } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';
import type { Service } from 'kubernetes-types/core/v1';
import { useTrafficStore } from '../../store/trafficStore';
import { sameRef, useUiStore } from '../../store/uiStore';
import { cardPortLines, portLines, serviceKey, serviceType } from './serviceText';
import { cardTrafficText } from './trafficText';

export interface ServiceCardData extends Record<string, unknown> {
  service: Service;
  /** `2/3 ready`, from its EndpointSlices. */
  endpoints: string;
}

/** cardName is how a card names an object: its name in the default namespace, else `namespace/name`. */
export function cardName(namespace: string | undefined, name: string | undefined): string {
  return !namespace || namespace === 'default' ? name ?? '' : `${namespace}/${name ?? ''}`;
}

export const ServiceCard = memo(function ServiceCard({ data }: NodeProps<FlowNode<ServiceCardData>>) {
  const { service, endpoints } = data;
  const namespace = service.metadata?.namespace ?? '';
  const name = service.metadata?.name ?? '';
  const key = serviceKey(service);
  const traffic = useTrafficStore((s) => cardTrafficText(s.stats.services[key]));
  const selected = useUiStore((s) => sameRef(s.selected, { kind: 'Service', namespace, name }));
  const select = useUiStore((s) => s.select);
  const [first, second] = cardPortLines(service);
  const title = [...portLines(service)].join('\n');
  return (
    <article
      aria-label={`service ${cardName(namespace, name)}`}
      onClick={() => select({ kind: 'Service', namespace, name })}
      className={`h-full w-full cursor-pointer overflow-hidden rounded-lg border-2 border-sky-400 bg-sky-50 px-2 py-1 text-[11px] leading-4 shadow-sm dark:border-sky-600 dark:bg-sky-950/60 ${
        selected ? 'ring-2 ring-sky-400' : ''
      }`}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="truncate font-mono text-sm font-semibold" title={key}>
          <span className="text-[10px] font-normal text-slate-500">svc </span>
          {cardName(namespace, name)}
        </h3>
        <span className="shrink-0 text-[10px] text-sky-700 dark:text-sky-300">{serviceType(service)}</span>
      </header>
      <p className="truncate font-mono" title={title}>
        {first}
      </p>
      <p className="truncate font-mono text-slate-600 dark:text-slate-300" title={title}>
        {second}
      </p>
      <p className={endpoints.startsWith('0/') || endpoints === 'no endpoints' ? 'text-rose-600 dark:text-rose-400' : 'text-emerald-700 dark:text-emerald-400'}>endpoints {endpoints}</p>
      <p className="text-slate-600 dark:text-slate-300">{traffic}</p>
    </article>
  );
});
