/**
 * Later is a value known now or at a later clock task: what a controller's sync hands back when it must wait for
 * its client's rate limiter. Unlike a Promise, a Later that is already settled runs its continuations at once,
 * inside the same clock task: microtasks would run outside the virtual clock, after advance() returns.
 */
export class Later<T> {
  private settled = false;
  private value: T | undefined;
  private readonly waiting: Array<(value: T) => void> = [];

  static now<T>(value: T): Later<T> {
    const later = new Later<T>();
    later.settle(value);
    return later;
  }

  get isSettled(): boolean {
    return this.settled;
  }

  settle(value: T): void {
    if (this.settled) throw new Error('Later settled twice');
    this.settled = true;
    this.value = value;
    for (const run of this.waiting.splice(0)) run(value);
  }

  /** then runs `run` with the value: at once if it is known, else when it is settled. */
  then(run: (value: T) => void): void {
    if (this.settled) run(this.value as T);
    else this.waiting.push(run);
  }
}
