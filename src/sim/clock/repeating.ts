import type { TimerHandle, VirtualClock, VirtualMs } from './virtualClock';

/**
 * Repeating runs a job now and then every `period` on the virtual clock, as wait.Until does in Kubernetes
 * components (heartbeats, status loops). Its tasks are periodic: they never keep settle() busy.
 */
export class Repeating {
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly owner: string,
    private readonly label: string,
    private readonly period: VirtualMs,
    private readonly run: () => void,
  ) {}

  /** start (re)starts the loop: the first run after `delay`, then every period. */
  start(delay: VirtualMs = 0): void {
    this.stop();
    this.schedule(delay);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private schedule(delay: VirtualMs): void {
    this.timer = this.clock.schedule(delay, {
      owner: this.owner,
      label: this.label,
      periodic: true,
      run: () => {
        this.run();
        this.schedule(this.period);
      },
    });
  }
}
