/// <reference lib="webworker" />
import { transfers, type Command } from './protocol';
import { SimHost, tickBudgetMs } from './simHost';

const host = new SimHost(
  (message) => self.postMessage(message, transfers(message)),
  {
    start(everyMs, tick) {
      const id = setInterval(tick, everyMs);
      return () => clearInterval(id);
    },
    now: () => performance.now(),
  },
  tickBudgetMs(navigator.hardwareConcurrency || 2),
);

self.onmessage = (event: MessageEvent<Command>) => host.handle(event.data);
