import { useEffect, useState } from 'react';
import type { ObjectRef } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { involvedKey, recordOf, touches, type EventRecord } from '../store/eventLog';
import { simClient } from '../simClientInstance';

/**
 * useEventsAbout is the Events about one object, oldest first, as records like the timeline's. The page keeps only
 * the newest Events (see EventLog), so this asks the worker for them, and asks again after each store update that
 * touched them; one question at a time, the last update's answer winning. Undefined until the first answer.
 */
export function useEventsAbout(ref: ObjectRef | undefined): EventRecord[] | undefined {
  const { kind, namespace = '', name } = ref ?? {};
  const key = ref ? involvedKey(ref) : undefined;
  const [answer, setAnswer] = useState<{ key: string; records: EventRecord[] }>();
  // The ref's fields, not its identity: a new object naming the same one asks nothing new.
  useEffect(() => {
    if (kind === undefined || name === undefined || key === undefined) return;
    const about: ObjectRef = { kind, namespace, name };
    let live = true;
    let asking = false;
    let again = false;
    const ask = () => {
      if (asking) {
        again = true;
        return;
      }
      asking = true;
      void simClient.eventsAbout(about).then((events) => {
        asking = false;
        if (!live) return;
        setAnswer({ key, records: events.map(recordOf) });
        if (again) {
          again = false;
          ask();
        }
      });
    };
    ask();
    // Every store update, not only those React renders: two updates can meet in one render.
    const unsubscribe = useClusterStore.subscribe((state, previous) => {
      if (state.events !== previous.events && touches(state.events, about)) ask();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [kind, namespace, name, key]);
  return answer && answer.key === key ? answer.records : undefined;
}
