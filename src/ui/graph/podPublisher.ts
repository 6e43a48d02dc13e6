import type { Pod } from 'kubernetes-types/core/v1';

/**
 * How long, per frame, the publisher may spend having node cards redrawn. A rollout of 2,000 pods changes the pods
 * of most of the 100 nodes in one store update; redrawing all their cards in one frame took 25-50 ms of React work
 * and as much again of style, layout and paint. A few cards a frame keep each frame short, and at a quarter of a
 * millisecond a card every card is redrawn within a handful of frames.
 */
export const FRAME_BUDGET_MS = 2.5;

/**
 * The most cards a frame redraws, however cheap their React work. The browser's own work for a card (style, layout,
 * paint: some 0.4 ms for a crowded node's card, most of it the dots' box-shadows) is not in the budget, and outgrew
 * the React work once the cards of a frame were rendered together. In the UI benchmark 6 cards a frame gave a p95 of
 * 18-20 ms per frame, 3 gave 13-15 ms with no frame over 50 ms but a GC, and 2 no better than 3; at 3, all 100 cards
 * catch up within about half a second.
 */
export const MAX_CARDS_PER_FRAME = 3;

/** What a card is expected to cost before the publisher has measured one. */
export const FIRST_CARD_MS = 0.5;

/** How much each frame's measurement moves the expected cost of a card (an exponential moving average). */
const LEARNING_RATE = 0.3;

/** PublisherClock is how the publisher meets the page: frames to publish in, a clock to measure its budget by. */
export interface PublisherClock {
  nextFrame(run: () => void): number;
  cancelFrame(handle: number): void;
  now(): number;
}

const NO_PODS: readonly Pod[] = [];

/**
 * PodPublisher stands between the store's pods, grouped by node, and the node cards that draw them. The store stays
 * the one source of truth: the publisher only decides when each card sees its node's newest list. A node whose list
 * changed waits in a queue, oldest change first (a node that changes again keeps its place, with its newest list).
 * Each frame publishes as many nodes from the front of the queue as the budget allows at what a card cost so far,
 * at least one and at most MAX_CARDS_PER_FRAME (by default), and redraws their cards in one go: one React render a frame, since each render walks down from the
 * root of the page, which cost as much as the cards themselves when they were rendered one at a time. A node no
 * card listens to is published at once: nothing has to redraw, and a card mounting later starts from the newest list.
 */
export class PodPublisher {
  private readonly shown = new Map<string, readonly Pod[]>();
  private readonly queue = new Map<string, readonly Pod[]>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private frame: number | undefined;
  /** What redrawing one card has cost, on average, so far. */
  private cardMs = FIRST_CARD_MS;

  /** `redraw` runs the listeners of a frame's nodes; in the page it makes React render and commit their cards at once. */
  constructor(
    private readonly clock: PublisherClock,
    private readonly redraw: (notify: () => void) => void = (notify) => notify(),
    private readonly budgetMs = FRAME_BUDGET_MS,
    private readonly maxCards = MAX_CARDS_PER_FRAME,
  ) {}

  /** pods is the list the cards of `node` draw now. */
  pods(node: string): readonly Pod[] {
    return this.shown.get(node) ?? NO_PODS;
  }

  /** waiting lists the nodes whose newest list is not drawn yet, in the order they will be. */
  get waiting(): string[] {
    return [...this.queue.keys()];
  }

  /** subscribe calls `listener` whenever the list of `node` is published; it returns the unsubscribe function. */
  subscribe(node: string, listener: () => void): () => void {
    let set = this.listeners.get(node);
    if (!set) this.listeners.set(node, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(node);
    };
  }

  /** offer takes the store's newest pods by node (a node absent has none) and queues the nodes whose list changed. */
  offer(byNode: ReadonlyMap<string, readonly Pod[]>): void {
    const changed = (node: string, pods: readonly Pod[]) => {
      if (pods === this.pods(node)) this.queue.delete(node);
      else if (this.listeners.has(node)) this.queue.set(node, pods);
      else this.show(node, pods);
    };
    for (const [node, pods] of byNode) changed(node, pods);
    for (const node of [...this.shown.keys()]) if (!byNode.has(node)) changed(node, NO_PODS);
    if (this.queue.size > 0 && this.frame === undefined) this.frame = this.clock.nextFrame(() => this.publish());
  }

  /** stop cancels the next frame's publishing; the next offer schedules it again. */
  stop(): void {
    if (this.frame !== undefined) this.clock.cancelFrame(this.frame);
    this.frame = undefined;
  }

  private publish(): void {
    this.frame = undefined;
    const start = this.clock.now();
    const nodes = [...this.queue.keys()].slice(0, Math.max(1, Math.min(this.maxCards, Math.floor(this.budgetMs / this.cardMs))));
    const listeners: Array<() => void> = [];
    for (const node of nodes) {
      this.show(node, this.queue.get(node)!);
      this.queue.delete(node);
      this.listeners.get(node)?.forEach((listener) => listeners.push(listener));
    }
    this.redraw(() => listeners.forEach((listener) => listener()));
    const perCard = (this.clock.now() - start) / nodes.length;
    this.cardMs += LEARNING_RATE * (perCard - this.cardMs);
    if (this.queue.size > 0) this.frame = this.clock.nextFrame(() => this.publish());
  }

  private show(node: string, pods: readonly Pod[]): void {
    if (pods.length === 0) this.shown.delete(node);
    else this.shown.set(node, pods);
  }
}
