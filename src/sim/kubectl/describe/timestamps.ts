// Mirrors how k8s.io/kubectl/pkg/describe/describe.go prints times: time.Time.Format(time.RFC1123Z) and
// translateTimestampSince / translateMicroTimestampSince (duration.HumanDuration of time.Since); kubectl prints in
// the machine's zone, the simulation's zone is UTC.
import type { VirtualMs } from '../../clock/virtualClock';
import { EPOCH_MS, parseTime } from '../../clock/timeFormat';
import { humanDuration } from '../printers/humanDuration';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ZERO_TIME_RFC1123Z is how Go formats a zero metav1.Time (a condition that never transitioned). */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** rfc1123z formats a stored timestamp as `Thu, 01 Jan 2026 09:00:05 +0000`; a missing one as Go's zero time. */
export function rfc1123z(timestamp: string | null | undefined): string {
  const t = parseTime(timestamp ?? undefined);
  if (t === undefined) return ZERO_TIME_RFC1123Z;
  const d = new Date(EPOCH_MS + t);
  const date = `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** timestampSince is translateTimestampSince: the age of a timestamp at `now`, `<unknown>` when it is unset. */
export function timestampSince(timestamp: string | null | undefined, now: VirtualMs): string {
  const t = parseTime(timestamp ?? undefined);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}
