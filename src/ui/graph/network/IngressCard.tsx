// An Ingress on the graph: its class, ADDRESS and rules as `kubectl get/describe ingress` print them (kubectl's
// describeIngress); leaves out TLS.
import { memo } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { sameRef, useUiStore } from '../../store/uiStore';
import { ingressAddress, ingressRoutes, routeLine } from './ingressText';
import { INGRESS_ROUTE_LINES } from './networkLayout';
import { cardName } from './ServiceCard';

export interface IngressCardData extends Record<string, unknown> {
  ingress: Ingress;
}

export const IngressCard = memo(function IngressCard({ data }: NodeProps<FlowNode<IngressCardData>>) {
  const { ingress } = data;
  const namespace = ingress.metadata?.namespace ?? '';
  const name = ingress.metadata?.name ?? '';
  const selected = useUiStore((s) => sameRef(s.selected, { kind: 'Ingress', namespace, name }));
  const select = useUiStore((s) => s.select);
  const routes = ingressRoutes(ingress).map(routeLine);
  const address = ingressAddress(ingress);
  return (
    <article
      aria-label={`ingress ${cardName(namespace, name)}`}
      onClick={() => select({ kind: 'Ingress', namespace, name })}
      className={`h-full w-full cursor-pointer overflow-hidden rounded-lg border-2 border-violet-400 bg-violet-50 px-2 py-1 text-[11px] leading-4 shadow-sm dark:border-violet-600 dark:bg-violet-950/60 ${
        selected ? 'ring-2 ring-sky-400' : ''
      }`}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="truncate font-mono text-sm font-semibold">
          <span className="text-[10px] font-normal text-slate-500">ing </span>
          {cardName(namespace, name)}
        </h3>
        <span className="shrink-0 text-[10px] text-violet-700 dark:text-violet-300">class {ingress.spec?.ingressClassName ?? '(default)'}</span>
      </header>
      <p className={address ? 'font-mono' : 'text-amber-700 dark:text-amber-400'}>{address ? `ADDRESS ${address}` : 'no address yet'}</p>
      <ul className="font-mono">
        {routes.length === 0 && <li className="text-slate-500">no rules</li>}
        {routes.slice(0, INGRESS_ROUTE_LINES).map((line, i) => (
          <li key={i} className="truncate" title={line}>
            {line}
          </li>
        ))}
        {routes.length > INGRESS_ROUTE_LINES && <li className="text-slate-500">+{routes.length - INGRESS_ROUTE_LINES} more</li>}
      </ul>
    </article>
  );
});
