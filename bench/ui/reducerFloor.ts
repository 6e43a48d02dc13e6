// What V8's memory-reducing collection costs a bare page on the same machine: no React, no Monaco, no playground, only
// a heap as large as the playground's, made of small objects that the page keeps replacing for a while and then
// leaves idle. The playground's longest frame is that collection once a rollout settles; this sets its pause beside
// what any page holding as much pays here, so a reader can tell the page's share from the machine's.
import type { Browser } from 'playwright-core';
import { gcPauses, longestMajor, marker, rendererMain, type GcPause } from './frameStats';
import { Trace } from './trace';

/** How long the bare page replaces its objects: long enough for full collections to run and the reducer to arm. */
const CHURN_MS = 10_000;
/** How long it then idles: the reducer checks 8 s after arming and every 8 s after (kLongDelayMs) until allocation is low, then marks in idle time before it collects. */
const IDLE_MS = 30_000;

/** About what one record takes of V8's heap (the collection's own figures report what the page really kept). */
const RECORD_BYTES = 2600;

/**
 * The bare page grows to `mb` MB of live objects, pod-sized records of two dozen small objects each, then for
 * CHURN_MS replaces 20 of them, here and there, and allocates 3,000 short-lived objects a frame, and marks the end of that.
 * The short-lived array's length goes to a global so that the optimising compiler cannot drop the allocation.
 */
const floorPage = (mb: number) => `<!doctype html><title>reducer floor</title><script>
(() => {
  let seq = 0;
  const record = () => {
    const fields = [];
    for (let k = 0; k < 24; k++) fields.push({ key: 'field-' + k + '-' + seq, value: 'value-' + k + '-' + seq });
    return { name: 'web-' + seq++, labels: { app: 'web', hash: String(seq) }, fields };
  };
  const kept = [];
  for (let i = 0; i < ${Math.round((mb * 1e6) / RECORD_BYTES)}; i++) kept.push(record());
  const end = performance.now() + ${CHURN_MS};
  let churning = true;
  const frame = () => {
    if (churning && performance.now() < end) {
      for (let i = 0; i < 20; i++) kept[(seq * 7919) % kept.length] = record();
      const young = [];
      for (let i = 0; i < 3000; i++) young.push({ i, text: 'x' + i });
      window.youngCount = young.length;
    } else if (churning) {
      churning = false;
      console.timeStamp('churn:end');
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
</script>`;

/**
 * reducerFloor runs the bare page in a new tab of `browser` and returns its longest major collection once the page
 * went idle (in an idle page, the memory reducer's), or undefined if none came within IDLE_MS.
 */
export async function reducerFloor(browser: Browser, mb: number): Promise<GcPause | undefined> {
  const trace = await Trace.start(browser);
  const page = await browser.newPage();
  try {
    await page.setContent(floorPage(mb));
    await page.waitForTimeout(CHURN_MS + IDLE_MS);
  } finally {
    await page.close();
  }
  const events = await trace.stop();
  const idleFrom = marker(events, 'churn:end');
  const main = rendererMain(events);
  if (idleFrom === undefined || !main) throw new Error('the bare page left no trace of its main thread');
  return longestMajor(gcPauses(events, main).filter((g) => g.start * 1000 >= idleFrom));
}
