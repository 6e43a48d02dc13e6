import { lazy, Suspense, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KubeObject } from '../../sim/index';
import { useClusterStore, nameKey } from '../store/clusterStore';
import { eventOf } from '../store/eventLog';
import { useUiStore } from '../store/uiStore';
import { ObjectActions } from './objectActions';
import { ownerChain } from './ownerChain';
import { PodNetworkSection } from './PodNetworkSection';
import { ServiceNetworkSection } from './ServiceNetworkSection';
import { useEventsAbout } from './useEventsAbout';
import { useWholeObject } from './useWholeObject';

const LiveYaml = lazy(() => import('./LiveYaml'));
const SchedulingTracePanel = lazy(() => import('./SchedulingTracePanel'));

const NO_OWNERS: KubeObject[] = [];

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** Inspector shows the selected object: actions, conditions, events, owners, the scheduler's reasoning, YAML. */
export function Inspector() {
  const selected = useUiStore((s) => s.selected);
  const select = useUiStore((s) => s.select);
  const setFilter = useUiStore((s) => s.setTimelineFilter);
  const object = useClusterStore((s) => (selected ? s.objects[selected.kind]?.byKey.get(nameKey(selected.namespace || undefined, selected.name)) : undefined));
  // Select only the owner chain (stored objects, stable identities), so a batch that leaves them alone does not
  // re-render the inspector.
  const owners = useClusterStore(useShallow((s) => (object ? ownerChain(object, s.objects) : NO_OWNERS)));
  const records = useEventsAbout(selected);
  const events = useMemo(() => records?.map(eventOf), [records]);
  const whole = useWholeObject(object);
  if (!selected) return <p className="p-3 text-xs text-slate-500">Click a pod or a node to inspect it.</p>;
  if (!object) return <p className="p-3 text-xs text-slate-500">{selected.kind.toLowerCase()}/{selected.name} no longer exists.</p>;
  // Until the worker has sent a Pod whole, its mirrored (slimmed) conditions stand in, without their messages.
  const shown = whole ?? object;
  const conditions = ((shown.status as { conditions?: Condition[] })?.conditions ?? []) as Condition[];
  return (
    <div aria-label="inspector" className="space-y-3 overflow-auto p-3 text-xs">
      <header>
        <h2 className="font-mono text-sm font-semibold">
          {object.kind.toLowerCase()}/{object.metadata.name}
        </h2>
        {object.metadata.namespace && <p className="text-slate-500">namespace {object.metadata.namespace}</p>}
        <button className="mt-1 text-sky-600 underline dark:text-sky-400" onClick={() => setFilter(selected)}>
          show only this object in the timeline
        </button>
      </header>
      <ObjectActions target={selected} object={object} />
      {owners.length > 0 && (
        <section>
          <h3 className="font-semibold">Owned by</h3>
          <ol className="font-mono">
            {owners.map((o: KubeObject) => (
              <li key={`${o.kind}/${o.metadata.name}`}>
                <button className="text-sky-600 underline dark:text-sky-400" onClick={() => select({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' })}>
                  {o.kind}/{o.metadata.name}
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      {conditions.length > 0 && (
        <section>
          <h3 className="font-semibold">Conditions</h3>
          <table className="w-full font-mono">
            <tbody>
              {conditions.map((c) => (
                <tr key={c.type} className="align-top">
                  <td className="pr-2">{c.type}</td>
                  <td className={`pr-2 ${c.status === 'True' ? 'text-emerald-600' : 'text-rose-500'}`}>{c.status}</td>
                  <td className="text-slate-500">{[c.reason, c.message].filter(Boolean).join(': ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {object.kind === 'Pod' && <PodNetworkSection object={shown} />}
      {object.kind === 'Service' && <ServiceNetworkSection object={object} />}
      {object.kind === 'Pod' && (
        <Suspense fallback={null}>
          <SchedulingTracePanel namespace={selected.namespace} name={selected.name} version={object.metadata.resourceVersion ?? ''} />
        </Suspense>
      )}
      <section>
        <h3 className="font-semibold">Events</h3>
        {!events ? (
          <p className="text-slate-500">Loading events…</p>
        ) : events.length === 0 ? (
          <p className="text-slate-500">No events.</p>
        ) : (
          <ul className="font-mono">
            {events.map((e) => (
              <li key={e.metadata?.name} className={e.type === 'Warning' ? 'text-rose-500' : ''}>
                {e.type} {e.reason}: {e.message}
                {e.count && e.count > 1 ? ` (x${e.count})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Suspense fallback={<p className="text-slate-500">Loading YAML…</p>}>
        {whole ? <LiveYaml object={whole} /> : <p className="text-slate-500">Loading YAML…</p>}
      </Suspense>
    </div>
  );
}
