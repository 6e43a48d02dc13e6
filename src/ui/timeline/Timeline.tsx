import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ObjectRef } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { useEventsAbout } from '../panels/useEventsAbout';
import { useUiStore } from '../store/uiStore';
import { formatClock } from '../format';
import { entryOf, timeline, type TimelineItem } from './timelineModel';
import { useProgressiveRows } from './progressiveRows';
import { useThrottled } from './useThrottled';

const itemId = (item: TimelineItem) => item.id;

/**
 * While the user follows the newest entries (the scroller rests at its end), only the rows that fit in view are in
 * the page, under a spacer as tall as the others would be, so that the scroller can still be scrolled up; scrolling
 * away from the end brings every row in. A burst of Events replaces all 300 entries: mounting them all, displayed
 * or not, took 30 ms a burst in the UI benchmark's rollout, a few times a second, and parsing their Events as many
 * again. A row is at least one line high: the scroller's height over LINE_PX is the most rows it can show.
 */
const LINE_PX = 16.5;

/** Rows in the page beyond those that fit in view while following, and before the scroller's height is known. */
const SPARE_ROWS = 4;
const FIRST_ROWS_IN_VIEW = 30;

/**
 * The most rows that mount in one frame, the newest first, once the user scrolls up: the rest of the 300 follow in
 * the next frames, so no frame styles and lays out all of them.
 */
const ROWS_PER_FRAME = 30;

/**
 * The timeline redraws at most this often. At 100x a tick brings more entries than the view holds, ten times a
 * second: each redraw replaced every row in view (some 5 ms of layout and paint in the UI benchmark), faster than
 * anyone reads.
 */
const REDRAW_MS = 500;

/** How far from its end (in CSS pixels) the scroller still counts as following the newest entries. */
const FOLLOW_SLACK_PX = 4;

/**
 * TimelineRow is one entry. Items are cached per action and Event record, so after a batch only the new rows
 * render; the others keep their props and are skipped. Each part is one text node, spaces included: a row is laid
 * out as 8 objects rather than 14.
 */
const TimelineRow = memo(function TimelineRow({ item, select }: { item: TimelineItem; select: (ref: ObjectRef) => void }) {
  const e = entryOf(item);
  return (
    <li className="cursor-pointer hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => select(e.ref)}>
      <span className="text-slate-500">{`${formatClock(e.time)} `}</span>
      {e.source === 'event' ? (
        <span className={e.type === 'Warning' ? 'text-rose-500' : 'text-emerald-600 dark:text-emerald-400'}>{`${e.type} ${e.reason} `}</span>
      ) : (
        <span className="text-sky-600 dark:text-sky-300">{`${e.who} `}</span>
      )}
      <span className="text-slate-500">{`${e.ref.kind.toLowerCase()}/${e.ref.name} `}</span>
      {e.text}
    </li>
  );
});

/** Timeline: narrated actions and Kubernetes Events in order; click an entry to select its object. */
export function Timeline() {
  // React renders the timeline in the background after a store update (useDeferredValue), not in the update's task,
  // and at most every REDRAW_MS.
  const latest = useClusterStore(useShallow((s) => [s.actions, s.events] as const));
  const [actions, events] = useDeferredValue(useThrottled(latest, REDRAW_MS));
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
  // The log keeps its newest Events in order, so a batch costs the timeline a few hundred items, not every Event;
  // filtered, the timeline shows all the Events about the object, which the worker sends.
  const about = useEventsAbout(filter);
  const items = useMemo(() => timeline(actions, filter ? (about ?? []) : events.window, filter), [actions, events, filter, about]);
  const rows = useProgressiveRows(following ? items.slice(-rowsInView) : items, itemId, ROWS_PER_FRAME);
  return (
    <section aria-label="timeline" className="flex h-full min-h-0 flex-col [contain:strict]">
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
        className="flex min-h-0 flex-1 flex-col-reverse overflow-auto px-2 py-1 [contain:strict]"
        // A column-reverse scroller's scrollTop is 0 at its end and negative above it.
        onScroll={(e) => setFollowing(e.currentTarget.scrollTop > -FOLLOW_SLACK_PX)}
      >
        <ol className="font-mono text-[11px]">
          {rows.map((item) => (
            <TimelineRow key={item.id} item={item} select={select} />
          ))}
        </ol>
        <div aria-hidden style={{ height: (items.length - rows.length) * LINE_PX }} />
      </div>
    </section>
  );
}
