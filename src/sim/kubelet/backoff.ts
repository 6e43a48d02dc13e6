// Mirrors k8s.io/client-go/util/flowcontrol/backoff.go (Backoff) on the virtual clock; leaves out jitter, which the
// kubelet does not use for container or image back-off.
import type { VirtualMs } from '../clock/virtualClock';

interface BackoffEntry {
  backoff: VirtualMs;
  lastUpdate: VirtualMs;
}

/**
 * Backoff keeps one exponential back-off window per key: the first failure opens a window of `initial`, each later one
 * doubles it up to `max`. An entry not updated for 2 × max is considered stable again and starts over, which is why a
 * container that ran for ten minutes restarts at once after its next crash.
 */
export class Backoff {
  private readonly entries = new Map<string, BackoffEntry>();

  constructor(
    private readonly now: () => VirtualMs,
    readonly initial: VirtualMs,
    readonly max: VirtualMs,
  ) {}

  /** get is the current window of `id` (0 when it has none). */
  get(id: string): VirtualMs {
    return this.entries.get(id)?.backoff ?? 0;
  }

  /** next moves `id` to its next window; eventTime decides whether the old entry has expired. */
  next(id: string, eventTime: VirtualMs): void {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) {
      this.entries.set(id, { backoff: this.initial, lastUpdate: this.now() });
      return;
    }
    entry.backoff = Math.min(entry.backoff * 2, this.max);
    entry.lastUpdate = this.now();
  }

  /** isInBackOffSince: less than the window has passed since eventTime (a container's finishedAt). */
  isInBackOffSince(id: string, eventTime: VirtualMs): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return this.now() - eventTime < entry.backoff;
  }

  /** isInBackOffSinceUpdate: less than the window has passed between the last update and eventTime (image pulls). */
  isInBackOffSinceUpdate(id: string, eventTime: VirtualMs): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate)) return false;
    return eventTime - entry.lastUpdate < entry.backoff;
  }

  /** windowEndSinceUpdate is when the current window of `id`, counted from its last update, closes. */
  windowEndSinceUpdate(id: string): VirtualMs | undefined {
    const entry = this.entries.get(id);
    return entry ? entry.lastUpdate + entry.backoff : undefined;
  }

  /** gc drops entries not updated for 2 × max. */
  gc(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (now - entry.lastUpdate > this.max * 2) this.entries.delete(id);
  }

  private hasExpired(eventTime: VirtualMs, lastUpdate: VirtualMs): boolean {
    return eventTime - lastUpdate > this.max * 2;
  }
}
