import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { MAX_CARDS_PER_FRAME, PodPublisher } from './podPublisher';

const pod = (name: string): Pod => ({ metadata: { name } });
const [a, b, c] = [pod('a'), pod('b'), pod('c')];

/** A page whose frames run when the test says, and whose every card redraw takes `cardMs`; at most `maxCards` a frame. */
function page(cardMs = 1, budgetMs = 2.5, maxCards = 6) {
  let time = 0;
  let frames: Array<{ handle: number; run: () => void }> = [];
  let next = 0;
  const clock = {
    nextFrame: (run: () => void) => {
      frames.push({ handle: ++next, run });
      return next;
    },
    cancelFrame: (handle: number) => {
      frames = frames.filter((f) => f.handle !== handle);
    },
    now: () => time,
  };
  const redraws: string[] = [];
  let renders = 0;
  const publisher = new PodPublisher(
    clock,
    (notify) => {
      renders++;
      notify();
    },
    budgetMs,
    maxCards,
  );
  const listen = (node: string) =>
    publisher.subscribe(node, () => {
      time += cardMs;
      redraws.push(`${node}:${publisher.pods(node).map((p) => p.metadata?.name).join('')}`);
    });
  /** frame runs the next frame and returns the redraws it made. */
  const frame = () => {
    const due = frames.shift();
    due?.run();
    return redraws.splice(0);
  };
  return { publisher, listen, frame, pendingFrames: () => frames.length, renders: () => renders };
}

describe('PodPublisher', () => {
  it('publishes a node no card listens to at once, and schedules no frame', () => {
    const { publisher, pendingFrames } = page();
    publisher.offer(new Map([['node-1', [a, b]]]));
    expect(publisher.pods('node-1')).toEqual([a, b]);
    expect(pendingFrames()).toBe(0);
  });

  it('publishes the oldest changes first, as many a frame as the budget allows at what a card has cost so far', () => {
    const { publisher, listen, frame, renders } = page(1, 2.5);
    const nodes = Array.from({ length: 12 }, (_, i) => `n${i + 1}`);
    nodes.forEach(listen);
    publisher.offer(new Map(nodes.map((n) => [n, [a]])));
    expect(publisher.pods('n1')).toEqual([]);
    expect(publisher.waiting).toEqual(nodes);
    // 2.5 ms at the first guess of 0.5 ms a card; the cards took 1 ms each, so the guess becomes 0.5 + 0.3 × 0.5 = 0.65.
    expect(frame()).toEqual(['n1:a', 'n2:a', 'n3:a', 'n4:a', 'n5:a']);
    expect(frame()).toEqual(['n6:a', 'n7:a', 'n8:a']);
    expect(frame()).toEqual(['n9:a', 'n10:a', 'n11:a']);
    expect(frame()).toEqual(['n12:a']);
    expect(publisher.waiting).toEqual([]);
    expect(renders()).toBe(4);
  });

  it('publishes at least one node a frame, however long a card takes', () => {
    const { publisher, listen, frame } = page(20, 2.5);
    const nodes = Array.from({ length: 7 }, (_, i) => `n${i + 1}`);
    nodes.forEach(listen);
    publisher.offer(new Map(nodes.map((n) => [n, [a]])));
    expect(frame()).toHaveLength(5);
    expect(frame()).toEqual(['n6:a']);
    expect(frame()).toEqual(['n7:a']);
  });

  it('redraws at most the cap of cards a frame, however cheap their React work', () => {
    const { publisher, listen, frame } = page(0, 2.5, 6);
    const nodes = Array.from({ length: 20 }, (_, i) => `n${i + 1}`);
    nodes.forEach(listen);
    publisher.offer(new Map(nodes.map((n) => [n, [a]])));
    // Free cards bring the guess down from 0.5 ms (5 cards in 2.5 ms) to 0.35 (7, capped at 6).
    expect([frame().length, frame().length, frame().length]).toEqual([5, 6, 6]);
  });

  it('at the page\'s cap of MAX_CARDS_PER_FRAME (3), 7 waiting cards take three frames', () => {
    const { publisher, listen, frame } = page(0, 2.5, MAX_CARDS_PER_FRAME);
    const nodes = Array.from({ length: 7 }, (_, i) => `n${i + 1}`);
    nodes.forEach(listen);
    publisher.offer(new Map(nodes.map((n) => [n, [a]])));
    expect([frame().length, frame().length, frame().length]).toEqual([3, 3, 1]);
    expect(MAX_CARDS_PER_FRAME).toBe(3);
  });

  it('keeps the place of a waiting node that changes again, and publishes its newest list', () => {
    const { publisher, listen, frame } = page(1, 0.5);
    ['n1', 'n2'].forEach(listen);
    publisher.offer(new Map([['n1', [a]], ['n2', [a]]]));
    publisher.offer(new Map([['n1', [a, b]], ['n2', [a]]]));
    expect(frame()).toEqual(['n1:ab']);
    expect(frame()).toEqual(['n2:a']);
  });

  it('queues a published node that changes again behind the nodes already waiting', () => {
    const { publisher, listen, frame } = page(1, 0.5);
    ['n1', 'n2'].forEach(listen);
    publisher.offer(new Map([['n1', [a]], ['n2', [a]]]));
    expect(frame()).toEqual(['n1:a']);
    publisher.offer(new Map([['n1', [b]], ['n2', [c]]]));
    expect(publisher.waiting).toEqual(['n2', 'n1']);
    expect(frame()).toEqual(['n2:c']);
    expect(frame()).toEqual(['n1:b']);
  });

  it('drops a waiting node whose list is back to the one drawn before its turn', () => {
    const { publisher, listen, frame } = page();
    publisher.offer(new Map([['n1', [a]]]));
    listen('n1');
    const drawn = publisher.pods('n1');
    publisher.offer(new Map([['n1', [b]]]));
    publisher.offer(new Map([['n1', drawn]]));
    expect(publisher.waiting).toEqual([]);
    expect(frame()).toEqual([]);
  });

  it('publishes an empty list for a node whose pods are all gone', () => {
    const { publisher, listen, frame } = page();
    publisher.offer(new Map([['n1', [a]]]));
    listen('n1');
    publisher.offer(new Map());
    expect(frame()).toEqual(['n1:']);
    expect(publisher.pods('n1')).toEqual([]);
  });

  it('cancels the next frame on stop, and schedules one again on the next offer', () => {
    const { publisher, listen, frame, pendingFrames } = page();
    listen('n1');
    publisher.offer(new Map([['n1', [a]]]));
    publisher.stop();
    expect(pendingFrames()).toBe(0);
    publisher.offer(new Map([['n1', [a]]]));
    expect(pendingFrames()).toBe(1);
    expect(frame()).toEqual(['n1:a']);
  });

  it('stops calling a listener once it unsubscribed, and then publishes its node at once', () => {
    const { publisher, listen, frame, pendingFrames } = page();
    const unsubscribe = listen('n1');
    unsubscribe();
    publisher.offer(new Map([['n1', [a]]]));
    expect(pendingFrames()).toBe(0);
    expect(frame()).toEqual([]);
    expect(publisher.pods('n1')).toEqual([a]);
  });
});
