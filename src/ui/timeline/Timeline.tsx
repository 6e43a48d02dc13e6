import { useMemo } from 'react';
import { useClusterStore } from '../store/clusterStore';
import { useUiStore } from '../store/uiStore';
import { formatClock } from '../format';
import { timeline } from './timelineModel';

/** Timeline: narrated actions and Kubernetes Events in order; click an entry to select its object. */
export function Timeline() {
  const actions = useClusterStore((s) => s.actions);
  const events = useClusterStore((s) => s.events);
  const filter = useUiStore((s) => s.timelineFilter);
  const setFilter = useUiStore((s) => s.setTimelineFilter);
  const select = useUiStore((s) => s.select);
  const entries = useMemo(() => timeline(actions, events.byKey.values(), filter), [actions, events, filter]);
  return (
    <section aria-label="timeline" className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-2 border-b border-slate-300 px-2 py-1 text-xs dark:border-slate-800">
        <h2 className="font-semibold">Timeline</h2>
        {filter && (
          <button className="rounded bg-slate-200 px-2 dark:bg-slate-800" onClick={() => setFilter(undefined)}>
            only {filter.kind.toLowerCase()}/{filter.name} ×
          </button>
        )}
      </header>
      {/* A column-reverse scroller rests at its end, so it follows the newest entry without script: scrolling
          from an effect would read scrollHeight and force a layout of the whole page after every batch. */}
      <div className="flex min-h-0 flex-1 flex-col-reverse overflow-auto px-2 py-1">
        <ol className="font-mono text-[11px]">
          {entries.map((e) => (
            <li key={e.id} className="cursor-pointer hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => select(e.ref)}>
              <span className="text-slate-500">{formatClock(e.time)}</span>{' '}
              {e.source === 'event' ? (
                <span className={e.type === 'Warning' ? 'text-rose-500' : 'text-emerald-600 dark:text-emerald-400'}>
                  {e.type} {e.reason}
                </span>
              ) : (
                <span className="text-sky-600 dark:text-sky-300">{e.who}</span>
              )}{' '}
              <span className="text-slate-500">{e.ref.kind.toLowerCase()}/{e.ref.name}</span> {e.text}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
