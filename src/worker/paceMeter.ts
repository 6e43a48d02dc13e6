/** How far back the meter looks, in wall-clock ms. */
export const PACE_WINDOW_MS = 2000;

/**
 * PaceMeter measures the speed virtual time actually keeps: virtual ms advanced per wall ms over the last
 * PACE_WINDOW_MS. At 100x a 2,000-pod rollout needs more work than the wall clock allows, and the teacher should see
 * that the cluster runs at, say, 4x rather than believe the chosen 100x.
 */
export class PaceMeter {
  private samples: { wall: number; virtual: number }[] = [];

  /** reset forgets the past: after pausing, a reset or a change of speed. */
  reset(): void {
    this.samples = [];
  }

  record(wall: number, virtual: number): void {
    this.samples.push({ wall, virtual });
    while (this.samples.length > 2 && wall - this.samples[1].wall >= PACE_WINDOW_MS) this.samples.shift();
  }

  /** speed is virtual ms per wall ms over the window, or undefined until a full window has been seen. */
  speed(): number | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || last.wall - first.wall < PACE_WINDOW_MS) return undefined;
    return (last.virtual - first.virtual) / (last.wall - first.wall);
  }
}

/**
 * laggingSpeed is the speed to show beside the chosen one: the measured speed, to two significant figures, when
 * it is below 90% of the chosen speed; undefined while the cluster keeps up.
 */
export function laggingSpeed(chosen: number, measured: number | undefined): number | undefined {
  if (measured === undefined || measured >= 0.9 * chosen) return undefined;
  return Number(measured.toPrecision(2));
}
