import { memo, useMemo } from 'react';
import type { ObjectRef } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { eventsAbout } from '../store/eventLog';
import { useUiStore } from '../store/uiStore';
import { formatClock } from '../format';
import { timeline, type TimelineEntry } from './timelineModel';

/**
 * TimelineRow is one entry. Entries are cached per action and Event object, so after a batch only the new rows
 * render; the other few hundred keep their props and are skipped. A row out of view skips style, layout and paint
 * (content-visibility), with a line's height held for it: a burst of Events replaces all 300 rows at once, and only
 * the dozen on screen need drawing.
 */
const TimelineRow = memo(function TimelineRow({ entry: e, select }: { entry: TimelineEntry; select: (ref: ObjectRef) => void }) {
  return (
    <li className="cursor-pointer [contain-intrinsic-size:auto_16.5px] [content-visibility:auto] hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => select(e.ref)}>
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
  );
});

/** Timeline: narrated actions and Kubernetes Events in order; click an entry to select its object. */
export function Timeline() {
  const actions = useClusterStore((s) => s.actions);
  const events = useClusterStore((s) => s.events);
  const filter = useUiStore((s) => s.timelineFilter);
  const setFilter = useUiStore((s) => s.setTimelineFilter);
  const select = useUiStore((s) => s.select);
  // The log keeps its newest Events in order, so a batch costs the timeline a few hundred entries, not every Event.
  const entries = useMemo(() => timeline(actions, filter ? eventsAbout(events, filter) : events.recent, filter), [actions, events, filter]);
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
            <TimelineRow key={e.id} entry={e} select={select} />
          ))}
        </ol>
      </div>
    </section>
  );
}
