// How the traffic counters read on a card or in the traffic panel: `12.5 req/s`, `3 errors (503 ×2, timeout ×1)`.
// No upstream counterpart; the counters are src/sim/network/traffic.ts's.
import type { TrafficCounters } from '../../../sim/index';

export function errorCount(c: TrafficCounters | undefined): number {
  let n = 0;
  for (const k in c?.errors) n += c.errors[k];
  return n;
}

/** rateText: requests per second over the last 10 virtual seconds, one decimal. */
export function rateText(c: TrafficCounters | undefined): string {
  return `${(c?.ratePerSecond ?? 0).toFixed(1)} req/s`;
}

/** errorsText: `no errors`, `1 error (503 ×1)`, `5 errors (connection refused ×2, timeout ×3)`. */
export function errorsText(c: TrafficCounters | undefined): string {
  const n = errorCount(c);
  if (n === 0) return 'no errors';
  const parts = Object.entries(c!.errors).map(([k, v]) => `${k} ×${v}`);
  return `${n} ${n === 1 ? 'error' : 'errors'} (${parts.join(', ')})`;
}

/** cardTrafficText is the one line a Service card has for traffic: `12.5 req/s · 3 errors`, or `no traffic`. */
export function cardTrafficText(c: TrafficCounters | undefined): string {
  if (!c || c.total === 0) return 'no traffic';
  const n = errorCount(c);
  return `${rateText(c)} · ${n} ${n === 1 ? 'error' : 'errors'}`;
}
