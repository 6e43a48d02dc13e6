import { useEffect, useRef, useState } from 'react';

/**
 * useThrottled returns `value`, changing at most once every `ms`: a newer value waits until `ms` after the last
 * change, and the newest one waiting wins. `now` is the page's clock (performance.now).
 */
export function useThrottled<T>(value: T, ms: number, now: () => number = () => performance.now()): T {
  const [shown, setShown] = useState(value);
  const changedAt = useRef(-Infinity);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const timer = setTimeout(
      () => {
        changedAt.current = now();
        setShown(value);
      },
      Math.max(0, changedAt.current + ms - now()),
    );
    return () => clearTimeout(timer);
  }, [value, shown, ms, now]);
  return shown;
}
