// Runs an XState v5 machine definition the way XState's interpreter does (StateMachine.ts microstep/macrostep:
// SCXML exit/enter order, transition domains, eventless `always` transitions, deferred `emit`), for the subset the
// kubelet's machines use: compound and final states, guards (named, parameterised and `and`/`or`/`not`), `assign`
// and `emit`. A pod has three machines and a cluster thousands of pods; an actor each (with its own actor system,
// mailbox and snapshot objects) cost a fifth of the simulation's time. The machines stay XState machines: their
// tests run them as actors, and machineRunner.test.ts checks this runner against XState's actors event by event.
// Leaves out parallel and history states, delayed transitions, invoked and spawned actors, custom action functions
// and wildcard event descriptors: a machine that uses any of them is refused when first run.
import type { AnyStateMachine, ContextFrom, EmittedFrom, EventFromLogic, InputFrom } from 'xstate';

type Params = Record<string, unknown> | undefined;
type Args = { context: object; event: MachineEvent };
type MachineEvent = { type: string };

/** ActionRef and GuardRef are how XState keeps actions and guards on a state node: named, with params, or inline. */
type ActionRef = string | { type: string; params?: unknown } | BuiltinAction;
type GuardRef = string | { type: string; params?: unknown } | GuardFunction;
type GuardFunction = ((args: Args, params: Params) => boolean) & { check?: (snapshot: object, args: Args, guard: GuardFunction) => boolean };

/** BuiltinAction is what XState's `assign(...)` and `emit(...)` return. */
interface BuiltinAction {
  (...args: unknown[]): void;
  type?: string;
  assignment?: ((args: Args, params: Params) => object) | Record<string, unknown>;
  event?: MachineEvent | ((args: Args, params: Params) => MachineEvent);
}

/** StateNodeShape is the part of XState's StateNode the runner reads. */
interface StateNodeShape {
  key: string;
  id: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  parent?: StateNodeShape;
  order: number;
  states: Record<string, StateNodeShape>;
  initial: { target: StateNodeShape[]; actions: ActionRef[] };
  entry: ActionRef[];
  exit: ActionRef[];
  invoke: unknown[];
  after: unknown[];
  always?: TransitionShape[];
  transitions: Map<string, TransitionShape[]>;
}

interface TransitionShape {
  target?: readonly StateNodeShape[];
  source: StateNodeShape;
  actions: readonly ActionRef[];
  guard?: GuardRef;
  reenter: boolean;
}

/** Step is a transition compiled against its machine: where it exits to and what it enters, in document order. */
interface Step {
  transition: TransitionShape;
  /** The state whose active descendants the transition exits; undefined for a targetless transition. */
  domain?: StateNodeShape;
  enter: StateNodeShape[];
}

interface Compiled {
  root: StateNodeShape;
  steps: Map<TransitionShape, Step>;
}

const compiledMachines = new WeakMap<AnyStateMachine, Compiled>();

export type RunnerStatus = 'active' | 'done' | 'stopped';

/**
 * MachineRunner is one running machine: `on('*')` receives what it emits, `send` delivers an event (queued if one
 * is being processed, like an actor's mailbox), and the runner doubles as its own snapshot (`value`, `context`,
 * `status`, `matches`).
 */
export class MachineRunner<TMachine extends AnyStateMachine> {
  context: ContextFrom<TMachine>;
  status: RunnerStatus = 'active';
  private readonly compiled: Compiled;
  /** The active states, root first; without parallel states the configuration is one path. */
  private path: StateNodeShape[] = [];
  private readonly listeners: ((emitted: EmittedFrom<TMachine>) => void)[] = [];
  private readonly mailbox: EventFromLogic<TMachine>[] = [];
  private emitted: EmittedFrom<TMachine>[] = [];
  private processing = false;
  private started = false;
  private cachedValue: unknown;

  constructor(
    private readonly machine: TMachine,
    input: InputFrom<TMachine>,
  ) {
    this.compiled = compile(machine);
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
    const root = this.compiled.root;
    const enter = [root];
    addDescendantsToEnter(root, enter);
    this.enter(enter.sort(byOrder), init);
    this.settle(init);
    this.processing = false;
    this.deliver();
    return this;
  }

  send(event: EventFromLogic<TMachine>): void {
    this.mailbox.push(event);
    if (this.processing || !this.started) return;
    this.processing = true;
    for (let next = this.mailbox.shift(); next; next = this.mailbox.shift()) {
      if (this.status !== 'active') continue;
      const transition = this.select(next);
      if (transition) this.microstep(this.compiled.steps.get(transition)!, next);
      this.settle(next);
      this.deliver();
    }
    this.processing = false;
  }

  /** stop ends the machine where it is: later events are ignored, as by a stopped actor. */
  stop(): void {
    this.status = 'stopped';
    this.mailbox.length = 0;
  }

  getSnapshot(): this {
    return this;
  }

  /** value is the state value as XState writes it: `'running'` or `{ running: { probing: 'idle' } }`. */
  get value(): unknown {
    if (this.cachedValue === undefined) {
      let value: unknown = this.path[this.path.length - 1]?.key;
      for (let i = this.path.length - 2; i >= 1; i--) value = { [this.path[i].key]: value };
      this.cachedValue = value;
    }
    return this.cachedValue;
  }

  /** matches is XState's snapshot.matches: the active path starts with the one the (partial) value names. */
  matches(value: string | Record<string, unknown>): boolean {
    let expected: unknown = value;
    for (let depth = 1; ; depth++) {
      const node = this.path[depth];
      if (typeof expected === 'string') return node?.key === expected;
      const keys = Object.keys(expected as object);
      if (keys.length !== 1 || node?.key !== keys[0]) return false;
      expected = (expected as Record<string, unknown>)[keys[0]];
    }
  }

  /** select is StateNode.next from the deepest active state up: the first candidate whose guard passes. */
  private select(event: EventFromLogic<TMachine>, from: 'transitions' | 'always' = 'transitions'): TransitionShape | undefined {
    for (let i = this.path.length - 1; i >= 0; i--) {
      const node = this.path[i];
      const candidates = from === 'always' ? node.always : node.transitions.get(event.type);
      if (!candidates) continue;
      for (const candidate of candidates) if (!candidate.guard || this.guard(candidate.guard, event)) return candidate;
    }
    return undefined;
  }

  /** settle takes eventless transitions, each seeing the event that led here, until none is enabled. */
  private settle(event: EventFromLogic<TMachine>): void {
    for (let guard = 0; this.status === 'active'; guard++) {
      if (guard > 1000) throw new Error(`machine ${this.machine.id}: eventless transitions do not settle`);
      const transition = this.select(event, 'always');
      if (!transition) return;
      this.microstep(this.compiled.steps.get(transition)!, event);
    }
  }

  private microstep(step: Step, event: EventFromLogic<TMachine>): void {
    if (step.domain) {
      const keep = this.path.indexOf(step.domain) + 1;
      for (let i = this.path.length - 1; i >= keep; i--) this.run(this.path[i].exit, event);
      this.path = this.path.slice(0, keep);
      this.cachedValue = undefined;
    }
    this.run(step.transition.actions, event);
    this.enter(step.enter, event);
  }

  private enter(nodes: readonly StateNodeShape[], event: EventFromLogic<TMachine>): void {
    for (const node of nodes) {
      this.path.push(node);
      this.cachedValue = undefined;
      this.run(node.entry, event);
      // A final child of the root ends the machine; final states deeper down would raise done events (refused).
      if (node.type === 'final' && node.parent === this.compiled.root) this.status = 'done';
    }
  }

  private run(actions: readonly ActionRef[], event: EventFromLogic<TMachine>): void {
    for (const ref of actions) {
      const { impl, params } = this.resolveAction(ref, event);
      const args = { context: this.context, event };
      if (impl.type === 'xstate.assign') {
        const assignment = impl.assignment!;
        let partial: object;
        if (typeof assignment === 'function') partial = assignment(args, params);
        else {
          const values: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(assignment)) values[key] = typeof value === 'function' ? value(args, params) : value;
          partial = values;
        }
        this.context = Object.assign({}, this.context, partial);
      } else {
        const emitted = impl.event!;
        this.emitted.push((typeof emitted === 'function' ? emitted(args, params) : emitted) as EmittedFrom<TMachine>);
      }
    }
  }

  private resolveAction(ref: ActionRef, event: EventFromLogic<TMachine>): { impl: BuiltinAction; params: Params } {
    if (typeof ref === 'function') return { impl: ref, params: undefined };
    const name = typeof ref === 'string' ? ref : ref.type;
    const impl = (this.machine.implementations.actions as Record<string, BuiltinAction>)[name];
    return { impl, params: typeof ref === 'string' ? undefined : this.params(ref.params, event) };
  }

  /** guard is XState's evaluateGuard; builtin combinators check their parts through XState itself. */
  private guard(ref: GuardRef, event: EventFromLogic<TMachine>): boolean {
    const guards = this.machine.implementations.guards as Record<string, GuardRef>;
    const resolved = typeof ref === 'function' ? ref : guards[typeof ref === 'string' ? ref : ref.type];
    if (typeof resolved !== 'function') return this.guard(resolved, event);
    const args = { context: this.context, event };
    if (resolved.check) return resolved.check({ context: this.context, machine: this.machine }, args, resolved);
    const params = typeof ref === 'function' || typeof ref === 'string' ? undefined : this.params(ref.params, event);
    return resolved(args, params);
  }

  private params(params: unknown, event: EventFromLogic<TMachine>): Params {
    return (typeof params === 'function' ? params({ context: this.context, event }) : params) as Params;
  }

  /** deliver hands what the machine emitted to the listeners once its step is over, as XState defers `emit`. */
  private deliver(): void {
    if (this.emitted.length === 0) return;
    const emitted = this.emitted;
    this.emitted = [];
    for (const e of emitted) for (const listener of this.listeners) listener(e);
  }
}

function compile(machine: AnyStateMachine): Compiled {
  const known = compiledMachines.get(machine);
  if (known) return known;
  const root = machine.root as unknown as StateNodeShape;
  const compiled: Compiled = { root, steps: new Map() };
  const visit = (node: StateNodeShape): void => {
    refuseUnsupported(machine, node);
    const transitions = [...node.transitions.values()].flat().concat(node.always ?? []);
    for (const t of transitions) compiled.steps.set(t, compileStep(machine, root, t));
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(root);
  compiledMachines.set(machine, compiled);
  return compiled;
}

/** compileStep is getTransitionDomain and computeEntrySet (StateMachine.ts) for a machine without parallel states. */
function compileStep(machine: AnyStateMachine, root: StateNodeShape, t: TransitionShape): Step {
  if (!t.target?.length) return { transition: t, enter: [] };
  const targets = t.target;
  let domain: StateNodeShape;
  if (!t.reenter && targets.every((target) => target === t.source || isDescendant(target, t.source))) domain = t.source;
  else {
    const lca = leastCommonAncestor([...targets, t.source]);
    if (!lca && t.reenter) throw new Error(`machine ${machine.id}: the machine runner does not support re-entering the root`);
    domain = lca ?? root;
  }
  const enter = new Set<StateNodeShape>();
  for (const s of targets) {
    if (s !== t.source || t.source !== domain || t.reenter) enter.add(s);
    const descendants: StateNodeShape[] = [];
    addDescendantsToEnter(s, descendants);
    for (const d of descendants) enter.add(d);
    for (let anc = s.parent; anc && anc !== domain; anc = anc.parent) if (isDescendant(anc, domain)) enter.add(anc);
  }
  // Without parallel states a reentering transition's domain is a proper ancestor of its source (an LCA), so the
  // domain itself is never exited (computeExitSet's `t.reenter && t.source === domain` case cannot arise).
  return { transition: t, domain, enter: [...enter].sort(byOrder) };
}

function addDescendantsToEnter(node: StateNodeShape, into: StateNodeShape[]): void {
  if (node.type !== 'compound') return;
  const initial = node.initial.target[0];
  into.push(initial);
  addDescendantsToEnter(initial, into);
}

function isDescendant(child: StateNodeShape, parent: StateNodeShape): boolean {
  for (let marker = child.parent; marker; marker = marker.parent) if (marker === parent) return true;
  return false;
}

/** leastCommonAncestor is findLeastCommonAncestor: the nearest proper ancestor of the first holding the rest. */
function leastCommonAncestor(nodes: StateNodeShape[]): StateNodeShape | undefined {
  const [head, ...tail] = nodes;
  for (let anc = head.parent; anc; anc = anc.parent) if (tail.every((n) => isDescendant(n, anc))) return anc;
  return undefined;
}

function byOrder(a: StateNodeShape, b: StateNodeShape): number {
  return a.order - b.order;
}

function refuseUnsupported(machine: AnyStateMachine, node: StateNodeShape): void {
  const where = `machine ${machine.id}, state ${node.id}`;
  const refuse = (what: string) => {
    throw new Error(`${where}: the machine runner does not support ${what}`);
  };
  if (node.type === 'parallel' || node.type === 'history') refuse(`${node.type} states`);
  if (node.invoke.length > 0) refuse('invoked actors');
  if (node.after.length > 0) refuse('delayed transitions');
  if (node.type === 'final' && node.parent && node.parent.parent) refuse('final states below the root');
  if (node.type === 'compound' && node.initial.actions.length > 0) refuse('initial actions');
  const actions: ActionRef[] = [...node.entry, ...node.exit];
  for (const [type, transitions] of node.transitions) {
    if (type.includes('*')) refuse(`the event descriptor "${type}"`);
    for (const t of transitions) actions.push(...t.actions);
  }
  for (const t of node.always ?? []) actions.push(...t.actions);
  const impls = machine.implementations.actions as Record<string, BuiltinAction | undefined>;
  for (const ref of actions) {
    const impl = typeof ref === 'function' ? ref : impls[typeof ref === 'string' ? ref : ref.type];
    if (impl?.type !== 'xstate.assign' && impl?.type !== 'xstate.emit') refuse(`the action ${typeof ref === 'function' ? impl?.type ?? 'inline function' : JSON.stringify(ref)}`);
  }
}
