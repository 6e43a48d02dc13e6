// Runs an XState v5 machine definition the way XState's interpreter does (StateMachine.ts microstep/macrostep:
// SCXML exit/enter order, transition domains, eventless `always` transitions, deferred `emit`), for the subset the
// kubelet's machines use: compound and final states, guards (named, parameterised and `and`/`or`/`not`), `assign`
// and `emit`. A pod has three machines and a cluster thousands of pods; an actor each (with its own actor system,
// mailbox and snapshot objects) cost a fifth of the simulation's time. The machines stay XState machines: their
// tests run them as actors, and machineRunner.test.ts checks this runner against XState's actors event by event.
// compiledMachine.ts resolves each machine once, so a step is a lookup by leaf state and event type.
// Leaves out parallel and history states, delayed transitions, invoked and spawned actors, custom action functions
// and wildcard event descriptors: a machine that uses any of them is refused when first run.
import type { AnyStateMachine, ContextFrom, EmittedFrom, EventFromLogic, InputFrom } from 'xstate';
import { compileMachine, type Candidate, type Leaf, type Machine, type Start } from './compiledMachine';

export type RunnerStatus = 'active' | 'done' | 'stopped';

/**
 * MachineRunner is one running machine: `on('*')` receives what it emits, `send` delivers an event (queued if one
 * is being processed, like an actor's mailbox), and the runner doubles as its own snapshot (`value`, `context`,
 * `status`, `matches`).
 */
export class MachineRunner<TMachine extends AnyStateMachine> implements Machine {
  context: ContextFrom<TMachine>;
  status: RunnerStatus = 'active';
  /** What the current step emitted, delivered to the listeners once it is over. */
  readonly emitted: EmittedFrom<TMachine>[] = [];
  private readonly initial: Start;
  /** The active configuration; undefined until started. */
  private leaf: Leaf | undefined;
  private readonly listeners: ((emitted: EmittedFrom<TMachine>) => void)[] = [];
  /** Events waiting for the one being processed; made when first needed, as most runners never queue one. */
  private mailbox: EventFromLogic<TMachine>[] | undefined;
  private processing = false;
  private started = false;

  constructor(
    private readonly machine: TMachine,
    input: InputFrom<TMachine>,
  ) {
    this.initial = compileMachine(machine).start;
    const context = (machine.config as { context?: unknown }).context;
    this.context = (typeof context === 'function' ? context({ input }) : context) as ContextFrom<TMachine>;
  }

  /** on('*') subscribes to every emitted event, as an actor's `on('*', …)` does. */
  on(_type: '*', listener: (emitted: EmittedFrom<TMachine>) => void): void {
    this.listeners.push(listener);
  }

  /** start enters the initial states (root first, running their entry actions), then takes eventless transitions. */
  start(): this {
    if (this.started) return this;
    this.started = true;
    const init = { type: 'xstate.init' } as EventFromLogic<TMachine>;
    this.processing = true;
    const start = this.initial;
    for (const action of start.actions) action(this, init);
    this.leaf = start.leaf;
    if (start.done) this.status = 'done';
    this.settle(init);
    this.processing = false;
    this.deliver();
    return this;
  }

  send(event: EventFromLogic<TMachine>): void {
    if (this.processing || !this.started) {
      (this.mailbox ??= []).push(event);
      return;
    }
    this.processing = true;
    // Events that arrived before start() wait in the mailbox and go first.
    let next: EventFromLogic<TMachine> | undefined = event;
    if (this.mailbox?.length) {
      this.mailbox.push(event);
      next = this.mailbox.shift();
    }
    for (; next; next = this.mailbox?.shift()) {
      if (this.status !== 'active') continue;
      const candidate = this.select(this.leaf!.candidates(next.type), next);
      if (candidate) this.take(candidate, next);
      this.settle(next);
      this.deliver();
    }
    this.processing = false;
  }

  /** stop ends the machine where it is: later events are ignored, as by a stopped actor. */
  stop(): void {
    this.status = 'stopped';
    if (this.mailbox) this.mailbox.length = 0;
  }

  getSnapshot(): this {
    return this;
  }

  /** value is the state value as XState writes it: `'running'` or `{ running: { probing: 'idle' } }`. */
  get value(): unknown {
    return this.leaf?.value;
  }

  /** matches is XState's snapshot.matches: the active path starts with the one the (partial) value names. */
  matches(value: string | Record<string, unknown>): boolean {
    const path = this.leaf?.path ?? [];
    let expected: unknown = value;
    for (let depth = 1; ; depth++) {
      const node = path[depth];
      if (typeof expected === 'string') return node?.key === expected;
      // The value's only key, found without Object.keys' array: probe workers ask on every tick.
      let only: string | undefined;
      for (const key in expected as object) {
        if (only !== undefined) return false;
        only = key;
      }
      if (only === undefined || node?.key !== only) return false;
      expected = (expected as Record<string, unknown>)[only];
    }
  }

  /** select is StateNode.next from the deepest active state up: the first candidate whose guard passes. */
  private select(candidates: readonly Candidate[], event: EventFromLogic<TMachine>): Candidate | undefined {
    // Indexed loops here and in take and deliver: every probe tick steps a machine, and for-of allocates an iterator
    // where V8 does not optimise it away.
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i]!;
      if (!candidate.guard || candidate.guard(this, event)) return candidate;
    }
    return undefined;
  }

  /** settle takes eventless transitions, each seeing the event that led here, until none is enabled. */
  private settle(event: EventFromLogic<TMachine>): void {
    for (let guard = 0; this.status === 'active'; guard++) {
      if (guard > 1000) throw new Error(`machine ${this.machine.id}: eventless transitions do not settle`);
      const candidate = this.select(this.leaf!.always, event);
      if (!candidate) return;
      this.take(candidate, event);
    }
  }

  /** take is a microstep: exit actions, the transition's actions and entry actions, then the new configuration. */
  private take(candidate: Candidate, event: EventFromLogic<TMachine>): void {
    const actions = candidate.actions;
    for (let i = 0; i < actions.length; i++) actions[i]!(this, event);
    if (candidate.leaf) this.leaf = candidate.leaf;
    if (candidate.done) this.status = 'done';
  }

  /** deliver hands what the machine emitted to the listeners once its step is over, as XState defers `emit`. */
  private deliver(): void {
    // What was taken is out of the queue before any listener runs, so a listener that makes the machine emit again
    // (by sending it an event once it is idle) has that delivered once, by its own step. Most steps emit one intent.
    if (this.emitted.length === 0) return;
    if (this.emitted.length === 1) {
      const e = this.emitted.pop()!;
      for (let i = 0; i < this.listeners.length; i++) this.listeners[i]!(e);
      return;
    }
    for (const e of this.emitted.splice(0)) for (const listener of this.listeners) listener(e);
  }
}
