// The time stamps programs write into their own log lines, from virtual time: the clock reads EPOCH_MS (UTC) when the
// cluster starts, and containers run in UTC as official images do.
import type { VirtualMs } from '../../clock/virtualClock';
import { EPOCH_MS } from '../../clock/timeFormat';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Parts {
  year: string;
  month: string;
  monthName: string;
  day: string;
  dayName: string;
  hms: string;
  ms: string;
}

function parts(t: VirtualMs): Parts {
  const d = new Date(EPOCH_MS + Math.floor(t));
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(d.getUTCFullYear()),
    month: two(d.getUTCMonth() + 1),
    monthName: MONTHS[d.getUTCMonth()]!,
    day: two(d.getUTCDate()),
    dayName: DAYS[d.getUTCDay()]!,
    hms: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
    ms: String(d.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** kubeletTimestamp is the prefix of `kubectl logs --timestamps` (RFC3339NanoFixed): `2026-01-01T09:00:05.123000000Z`. */
export function kubeletTimestamp(t: VirtualMs): string {
  const p = parts(t);
  return `${p.year}-${p.month}-${p.day}T${p.hms}.${p.ms}000000Z`;
}

/** dateCommandTime is what `date` prints (busybox and coreutils, C locale, UTC): `Thu Jan  1 09:00:05 UTC 2026`. */
export function dateCommandTime(t: VirtualMs): string {
  const p = parts(t);
  return `${p.dayName} ${p.monthName} ${String(Number(p.day)).padStart(2, ' ')} ${p.hms} UTC ${p.year}`;
}

/** goLogTime is Go's log package default prefix, also nginx's error log: `2026/01/01 09:00:05`. */
export function goLogTime(t: VirtualMs): string {
  const p = parts(t);
  return `${p.year}/${p.month}/${p.day} ${p.hms}`;
}

/** accessLogTime is nginx's and Apache's $time_local: `01/Jan/2026:09:00:05 +0000`. */
export function accessLogTime(t: VirtualMs): string {
  const p = parts(t);
  return `${p.day}/${p.monthName}/${p.year}:${p.hms} +0000`;
}

/** redisLogTime is Redis's serverLog stamp: `01 Jan 2026 09:00:05.123`. */
export function redisLogTime(t: VirtualMs): string {
  const p = parts(t);
  return `${p.day} ${p.monthName} ${p.year} ${p.hms}.${p.ms}`;
}

/** apacheErrorLogTime is httpd's ErrorLog stamp with microseconds: `Thu Jan 01 09:00:05.123000 2026`. */
export function apacheErrorLogTime(t: VirtualMs): string {
  const p = parts(t);
  return `${p.dayName} ${p.monthName} ${p.day} ${p.hms}.${p.ms}000 ${p.year}`;
}
