import type { VirtualMs } from './virtualClock';

/**
 * The virtual clock starts at EPOCH, a fixed date, so timestamps look like a real cluster's and stay the same on
 * every run (never the machine's date).
 */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

/** rfc3339 renders virtual time as metav1.Time serialises (second precision, UTC): `2026-01-01T09:00:05Z`. */
export function rfc3339(t: VirtualMs): string {
  formatSecond(Math.floor(t / 1000));
  return lastSecondText;
}

/** rfc3339Micro renders metav1.MicroTime: `2026-01-01T09:00:05.123000Z`. */
export function rfc3339Micro(t: VirtualMs): string {
  const ms = Math.floor(t);
  if (ms !== lastMicroMs) {
    const second = Math.floor(ms / 1000);
    formatSecond(second);
    // Microseconds are the milliseconds and three zeros.
    lastMicroText = `${lastSecondPrefix}.${MILLIS[ms - second * 1000]}000Z`;
    lastMicroMs = ms;
  }
  return lastMicroText;
}

// Events recorded in one instant share their eventTime: remember the last one formatted.
let lastMicroMs = NaN;
let lastMicroText = '';

/** MILLIS are the three digits of each millisecond of a second. */
const MILLIS = Array.from({ length: 1000 }, (_, ms) => String(ms).padStart(3, '0'));

/**
 * formatSecond makes lastSecondPrefix the virtual second as toISOString writes it up to the seconds
 * (`2026-01-01T09:00:05`) and lastSecondText its metav1.Time. Many writes share a second and Date formatting is
 * slow, so only a new second is formatted.
 */
function formatSecond(second: number): void {
  if (second === lastSecond) return;
  lastSecondPrefix = new Date(EPOCH_MS + second * 1000).toISOString().slice(0, -5);
  lastSecondText = `${lastSecondPrefix}Z`;
  lastSecond = second;
}

let lastSecond = NaN;
let lastSecondPrefix = '';
let lastSecondText = '';

/** parseTime turns a stored timestamp back into virtual ms. */
export function parseTime(value: string | undefined): VirtualMs | undefined {
  if (!value) return undefined;
  let ms = parsed.get(value);
  if (ms === undefined) {
    // Controllers parse the same few timestamps for every pod on every sync; Date.parse is slow, so remember them.
    if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
    ms = Date.parse(value);
    parsed.set(value, ms);
  }
  return Number.isNaN(ms) ? undefined : ms - EPOCH_MS;
}

const PARSED_CACHE_SIZE = 4096;
const parsed = new Map<string, number>();
