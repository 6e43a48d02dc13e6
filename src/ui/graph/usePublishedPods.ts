import { useCallback, useSyncExternalStore } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import { pagePublisher } from './pagePublisher';

/** usePublishedPods is the pods a node card draws: its node's list as the page's PodPublisher last published it. */
export function usePublishedPods(node: string): readonly Pod[] {
  const subscribe = useCallback((listener: () => void) => pagePublisher.subscribe(node, listener), [node]);
  return useSyncExternalStore(subscribe, () => pagePublisher.pods(node));
}
