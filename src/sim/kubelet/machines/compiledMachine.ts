// Compiles an XState v5 machine definition for the machine runner: each transition's exit set, actions and entry set
// (StateMachine.ts getTransitionDomain, computeExitSet, computeEntrySet) flattened, per active leaf state, into one
// list of actions and the leaf it ends in, and XState's named actions and guards (assign, emit, parameterised guards,
// `and`/`or`/`not`) resolved once. Without parallel states the active configuration is one path, named by its leaf,
// so a step from a given leaf always runs the same actions: a send becomes a table lookup and a short loop.
// Leaves out what refuseUnsupported refuses.
import type { AnyStateMachine } from 'xstate';

export type MachineEvent = { type: string };
type Params = Record<string, unknown> | undefined;
type Args = { context: object; event: MachineEvent };

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

/** StateNodeShape is the part of XState's StateNode the compiler reads. */
export interface StateNodeShape {
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

/**
 * Machine is what compiled actions and guards act on: the running machine's context, and the queue of what it
 * emitted (delivered once the step is over).
 */
export interface Machine {
  context: object;
  readonly emitted: MachineEvent[];
}

export type Action = (machine: Machine, event: MachineEvent) => void;
export type Guard = (machine: Machine, event: MachineEvent) => boolean;

/** Candidate is one transition as seen from a leaf: its guard, every action it runs in order, and where it ends. */
export interface Candidate {
  guard: Guard | undefined;
  actions: readonly Action[];
  /** The leaf state after the transition; undefined for a targetless one, which stays where it is. */
  leaf: Leaf | undefined;
  /** The transition enters a final child of the root: the machine is done. */
  done: boolean;
}

/** Leaf is an active configuration: its path, state value and the transitions enabled from it, by event type. */
export interface Leaf {
  /** The active states, root first. */
  readonly path: readonly StateNodeShape[];
  /** The state value as XState writes it: `'running'` or `{ running: { probing: 'idle' } }` (shared, frozen). */
  readonly value: unknown;
  /** Eventless transitions, deepest state first. */
  readonly always: readonly Candidate[];
  /** candidates lists the transitions for an event type, deepest state first (StateNode.next up the path). */
  candidates(type: string): readonly Candidate[];
}

/** Start is what starting the machine does: enter the root and its initial states, running their entry actions. */
export interface Start {
  actions: readonly Action[];
  leaf: Leaf;
  done: boolean;
}

interface Compiled {
  start: Start;
}

const compiledMachines = new WeakMap<AnyStateMachine, Compiled>();
const NONE: readonly Candidate[] = Object.freeze([]);

/** compileMachine compiles a machine once; every runner of it shares the result. */
export function compileMachine(machine: AnyStateMachine): Compiled {
  let compiled = compiledMachines.get(machine);
  if (!compiled) {
    compiled = new Compiler(machine).compile();
    compiledMachines.set(machine, compiled);
  }
  return compiled;
}

/** Step is a transition compiled against its machine: where it exits to and what it enters, in document order. */
interface Step {
  transition: TransitionShape;
  /** The state whose active descendants the transition exits; undefined for a targetless transition. */
  domain?: StateNodeShape;
  enter: StateNodeShape[];
}

class Compiler {
  private readonly root: StateNodeShape;
  private readonly steps = new Map<TransitionShape, Step>();
  private readonly leaves = new Map<StateNodeShape, Leaf>();
  private readonly actions = new Map<ActionRef, Action>();

  constructor(private readonly machine: AnyStateMachine) {
    this.root = machine.root as unknown as StateNodeShape;
  }

  compile(): Compiled {
    const visit = (node: StateNodeShape): void => {
      refuseUnsupported(this.machine, node);
      const transitions = [...node.transitions.values()].flat().concat(node.always ?? []);
      for (const t of transitions) this.steps.set(t, compileStep(this.machine, this.root, t));
      for (const child of Object.values(node.states)) visit(child);
    };
    visit(this.root);
    const enter = [this.root];
    addDescendantsToEnter(this.root, enter);
    enter.sort(byOrder);
    return { start: { actions: this.entryActions(enter), leaf: this.leaf(enter[enter.length - 1]!), done: entersFinal(this.root, enter) } };
  }

  /** leaf builds the configuration a leaf state names; its candidates are compiled when an event first needs them. */
  private leaf(node: StateNodeShape): Leaf {
    const known = this.leaves.get(node);
    if (known) return known;
    const path: StateNodeShape[] = [];
    for (let n: StateNodeShape | undefined = node; n; n = n.parent) path.unshift(n);
    let value: unknown = path[path.length - 1]!.key;
    for (let i = path.length - 2; i >= 1; i--) value = Object.freeze({ [path[i]!.key]: value });
    const byType = new Map<string, readonly Candidate[]>();
    const leaf = {
      path,
      value,
      always: NONE,
      candidates: (type: string) => {
        let list = byType.get(type);
        if (!list) byType.set(type, (list = this.candidates(path, (n) => n.transitions.get(type))));
        return list;
      },
    };
    // Known before its eventless transitions are compiled, since they may lead back to it.
    this.leaves.set(node, leaf);
    leaf.always = this.candidates(path, (n) => n.always);
    return leaf;
  }

  private candidates(path: readonly StateNodeShape[], of: (node: StateNodeShape) => readonly TransitionShape[] | undefined): readonly Candidate[] {
    const list: Candidate[] = [];
    for (let i = path.length - 1; i >= 0; i--) for (const t of of(path[i]!) ?? []) list.push(this.candidate(path, this.steps.get(t)!));
    return list.length > 0 ? list : NONE;
  }

  /** candidate flattens a step taken from a leaf: exit actions innermost first, the transition's, then entry actions. */
  private candidate(path: readonly StateNodeShape[], step: Step): Candidate {
    const t = step.transition;
    const guard = t.guard === undefined ? undefined : this.guard(t.guard);
    if (!step.domain) return { guard, actions: t.actions.map((a) => this.action(a)), leaf: undefined, done: false };
    const actions: Action[] = [];
    const keep = path.indexOf(step.domain) + 1;
    for (let i = path.length - 1; i >= keep; i--) for (const a of path[i]!.exit) actions.push(this.action(a));
    for (const a of t.actions) actions.push(this.action(a));
    actions.push(...this.entryActions(step.enter));
    const last = step.enter.length > 0 ? step.enter[step.enter.length - 1]! : step.domain;
    return { guard, actions, leaf: this.leaf(last), done: entersFinal(this.root, step.enter) };
  }

  private entryActions(nodes: readonly StateNodeShape[]): Action[] {
    const actions: Action[] = [];
    for (const node of nodes) for (const a of node.entry) actions.push(this.action(a));
    return actions;
  }

  /** action resolves an action reference as XState does: an inline builtin, or a named one with its params. */
  private action(ref: ActionRef): Action {
    let action = this.actions.get(ref);
    if (!action) this.actions.set(ref, (action = compileAction(this.machine, ref)));
    return action;
  }

  /** guard is XState's evaluateGuard, resolved once; builtin combinators check their parts through XState itself. */
  private guard(ref: GuardRef): Guard {
    const machine = this.machine;
    const guards = machine.implementations.guards as Record<string, GuardRef>;
    const resolved = typeof ref === 'function' ? ref : guards[typeof ref === 'string' ? ref : ref.type];
    if (typeof resolved !== 'function') return this.guard(resolved!);
    if (resolved.check) {
      const check = resolved.check;
      return (m, event) => check({ context: m.context, machine }, { context: m.context, event }, resolved);
    }
    const params = typeof ref === 'function' || typeof ref === 'string' ? undefined : ref.params;
    if (typeof params === 'function') {
      // One arguments object for the params and the guard: both only read it, and guards run on every step.
      return (m, event) => {
        const args = { context: m.context, event };
        return resolved(args, params(args));
      };
    }
    return (m, event) => resolved({ context: m.context, event }, params as Params);
  }
}

/**
 * compileAction is XState's assign and emit (resolveAssign, resolveEmit), resolved once. An action's params and its
 * assignment or event are given one arguments object (XState makes one each): both only read it.
 */
function compileAction(machine: AnyStateMachine, ref: ActionRef): Action {
  const impl = typeof ref === 'function' ? ref : (machine.implementations.actions as Record<string, BuiltinAction>)[typeof ref === 'string' ? ref : ref.type]!;
  const params = typeof ref === 'string' || typeof ref === 'function' ? undefined : ref.params;
  const paramsFor = typeof params === 'function' ? (params as (args: Args) => Params) : () => params as Params;
  if (impl.type === 'xstate.assign') {
    const assignment = impl.assignment!;
    const partialOf = typeof assignment === 'function' ? assignment : objectAssignment(assignment);
    return (m, event) => {
      const args = { context: m.context, event };
      m.context = mergeContext(m.context, partialOf(args, paramsFor(args)));
    };
  }
  const emitted = impl.event!;
  if (typeof emitted !== 'function') return (m) => void m.emitted.push(emitted);
  return (m, event) => {
    const args = { context: m.context, event };
    m.emitted.push(emitted(args, paramsFor(args)));
  };
}

/** objectAssignment is an assignment given key by key: each key's function sees the context as it was before. */
function objectAssignment(assignment: Record<string, unknown>): (args: Args, params: Params) => object {
  const entries = Object.entries(assignment);
  return (args, params) => {
    const partial: Record<string, unknown> = {};
    for (const [key, value] of entries) partial[key] = typeof value === 'function' ? value(args, params) : value;
    return partial;
  };
}

/**
 * mergeContext is XState's `Object.assign({}, context, partial)`: the old keys in order, then the new ones. A spread
 * builds the same object several times faster in V8, but only when it replaces keys the context has: adding a key to
 * a spread copy takes a slow path, slower than Object.assign.
 */
export function mergeContext(context: object, partial: object): object {
  for (const key in partial) if (!(key in context)) return Object.assign({}, context, partial);
  return { ...context, ...partial };
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

/** entersFinal: a final child of the root ends the machine; final states deeper down would raise done events (refused). */
function entersFinal(root: StateNodeShape, nodes: readonly StateNodeShape[]): boolean {
  return nodes.some((node) => node.type === 'final' && node.parent === root);
}

function addDescendantsToEnter(node: StateNodeShape, into: StateNodeShape[]): void {
  if (node.type !== 'compound') return;
  const initial = node.initial.target[0]!;
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
  for (let anc = head!.parent; anc; anc = anc.parent) if (tail.every((n) => isDescendant(n, anc))) return anc;
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
