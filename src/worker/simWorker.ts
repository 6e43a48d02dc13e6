/// <reference lib="webworker" />
import type { Command } from './protocol';
import { SimHost } from './simHost';

const host = new SimHost((message) => self.postMessage(message), {
  start(everyMs, tick) {
    const id = setInterval(tick, everyMs);
    return () => clearInterval(id);
  },
});

self.onmessage = (event: MessageEvent<Command>) => host.handle(event.data);
