import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ObjectRef } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { eventsAbout } from '../store/eventLog';
import { useUiStore } from '../store/uiStore';
import { formatClock } from '../format';
import { timeline, type TimelineEntry } from './timelineModel';
import { useProgressiveRows } from './progressiveRows';

const entryId = (e: TimelineEntry) => e.id;

/**
 * While the user follows the newest entries (the scroller rests at its end), only the rows that fit in view are
 * displayed; the older ones stay in the page, not displayed, until the user scrolls away from the end. A burst of
 * Events replaces all 300 rows at once: styling, laying out and painting them all took 30 ms a burst in the UI
 * benchmark's rollout, a few times a second. content-visibility: auto did not help: it lays out every new row once
 * before it can tell that the row is out of view, and each row it hid added a clip to the page's compositing.
 * A row is at least one line high: the scroller's height over LINE_PX is the most rows it can show.
 */
const LINE_PX = 16.5;

/** Rows displayed beyond those that fit in view while following, and before the scroller's height is known. */
const SPARE_ROWS = 4;
const FIRST_ROWS_IN_VIEW = 30;

/**
 * The most rows that mount in one frame, the newest first: the rest of a burst's 300 follow in the next frames, so
 * no frame styles and lays out all of them (some 15 microseconds a row even when it is not displayed).
 */
const ROWS_PER_FRAME = 30;

/** How far from its end (in CSS pixels) the scroller still counts as following the newest entries. */
const FOLLOW_SLACK_PX = 4;

/**
 * TimelineRow is one entry. Entries are cached per action and Event object, so after a batch only the new rows
 * render; the other few hundred keep their props and are skipped.
 */
const TimelineRow = memo(function TimelineRow({ entry: e, select, shown }: { entry: TimelineEntry; select: (ref: ObjectRef) => void; shown: boolean }) {
  return (
    <li
      className={`cursor-pointer hover:bg-slate-100 dark:hover:bg-slate-800 ${shown ? '' : 'hidden'}`}
      onClick={() => select(e.ref)}
    >
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
  // React renders the timeline in the background after a store update (useDeferredValue), not in the update's task.
  const actions = useDeferredValue(useClusterStore((s) => s.actions));
  const events = useDeferredValue(useClusterStore((s) => s.events));
  const filter = useUiStore((s) => s.timelineFilter);
  const setFilter = useUiStore((s) => s.setTimelineFilter);
  const select = useUiStore((s) => s.select);
  const [following, setFollowing] = useState(true);
  const [rowsInView, setRowsInView] = useState(FIRST_ROWS_IN_VIEW);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setRowsInView(Math.ceil(entry.contentRect.height / LINE_PX) + SPARE_ROWS));
    observer.observe(scroller.current!);
    return () => observer.disconnect();
  }, []);
  // The log keeps its newest Events in order, so a batch costs the timeline a few hundred entries, not every Event.
  const entries = useMemo(() => timeline(actions, filter ? eventsAbout(events, filter) : events.recent, filter), [actions, events, filter]);
  const rows = useProgressiveRows(entries, entryId, ROWS_PER_FRAME);
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
      <div
        ref={scroller}
        className="flex min-h-0 flex-1 flex-col-reverse overflow-auto px-2 py-1"
        // A column-reverse scroller's scrollTop is 0 at its end and negative above it.
        onScroll={(e) => setFollowing(e.currentTarget.scrollTop > -FOLLOW_SLACK_PX)}
      >
        <ol className="font-mono text-[11px]">
          {rows.map((e, i) => (
            <TimelineRow key={e.id} entry={e} select={select} shown={!following || i >= rows.length - rowsInView} />
          ))}
        </ol>
      </div>
    </section>
  );
}
