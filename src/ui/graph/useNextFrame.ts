import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * useNextFrame returns `value` one animation frame late: a new value is rendered and committed at the start of the
 * next frame (flushSync in requestAnimationFrame), not in the task that produced it. A value that changes again
 * before then is rendered once, in its newest version.
 */
export function useNextFrame<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const frame = requestAnimationFrame(() => flushSync(() => setShown(value)));
    return () => cancelAnimationFrame(frame);
  }, [value, shown]);
  return shown;
}
