// Mirrors pkg/kubelet/util/format (format.Pod) and Go's time.Duration.String and fmt's %s of a []string, the three
// formats the kubelet's messages are built from.
import type { Pod } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../clock/virtualClock';

/** podFullName is format.Pod: `name_namespace(uid)`, how the kubelet names a pod in back-off messages. */
export function podFullName(pod: Pod): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`;
}

/** goSlice is fmt's %s of a []string: `[a b c]`. */
export function goSlice(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/**
 * goDuration is time.Duration.String for a whole number of milliseconds: `0s`, `345ms`, `2.345s`, `1m20s`, `5m0s`,
 * `1h0m0s`. The kubelet truncates pull times to milliseconds before printing them, so this is the precision it shows.
 */
export function goDuration(ms: VirtualMs): string {
  const total = Math.trunc(ms);
  if (total === 0) return '0s';
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  if (abs < 1000) return `${sign}${abs}ms`;
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const secondsMs = abs % 60_000;
  const whole = Math.floor(secondsMs / 1000);
  const fraction = String(secondsMs % 1000).padStart(3, '0').replace(/0+$/, '');
  const seconds = fraction ? `${whole}.${fraction}s` : `${whole}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}
