import { memo } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';

export interface ControlPlaneData extends Record<string, unknown> {
  /** Components that acted in the latest batch: `api-server`, `etcd`, `scheduler`, `controller-manager`, `kubelet`. */
  active: readonly string[];
}

const PARTS = [
  { id: 'api-server', label: 'kube-apiserver' },
  { id: 'etcd', label: 'etcd' },
  { id: 'scheduler', label: 'kube-scheduler' },
  { id: 'controller-manager', label: 'kube-controller-manager' },
];

/**
 * ControlPlaneCard shows the control-plane components; each lights up while it acts. The change is instant: a
 * colour transition repainted the card in every frame of a rollout, whose updates toggle the components several
 * times a second.
 */
export const ControlPlaneCard = memo(function ControlPlaneCard({ data }: NodeProps<FlowNode<ControlPlaneData>>) {
  return (
    <section aria-label="control plane" className="h-full w-full rounded-lg border-2 border-indigo-400 bg-indigo-50 p-2 dark:bg-indigo-950/40">
      <h3 className="text-xs font-semibold text-indigo-700 dark:text-indigo-300">Control plane</h3>
      <ul className="mt-1 space-y-1">
        {PARTS.map((p) => {
          const on = data.active.includes(p.id);
          return (
            <li
              key={p.id}
              data-active={on}
              className={`rounded px-2 py-0.5 font-mono text-[11px] ${
                on ? 'bg-indigo-500 text-white shadow-[0_0_12px_rgba(99,102,241,.8)]' : 'bg-white text-slate-600 dark:bg-slate-800 dark:text-slate-300'
              }`}
            >
              {p.label}
              {on ? ' · acting' : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** componentOf maps an actor of a narrated action to the control-plane part that performed it. */
export function componentOf(actor: string): string[] {
  if (actor === 'default-scheduler') return ['scheduler', 'api-server', 'etcd'];
  if (actor.endsWith('-controller') || actor === 'garbage-collector' || actor === 'taint-eviction-controller') return ['controller-manager', 'api-server', 'etcd'];
  return ['api-server', 'etcd'];
}
