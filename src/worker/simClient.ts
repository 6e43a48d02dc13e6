import type { ApplyResult, SchedulingTrace } from '../sim/index';
import { PROTOCOL_VERSION, type Command, type WorkerMessage } from './protocol';

/**
 * SimClient is the UI's handle on the simulation worker: typed commands out, messages in. It is created once at
 * module level so React StrictMode's double effects never start two workers.
 */
export class SimClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<(message: WorkerMessage) => void>();
  private readonly applies = new Map<number, (results: ApplyResult[]) => void>();
  private readonly traces = new Map<number, (trace: SchedulingTrace | undefined) => void>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'applied') {
        this.applies.get(message.id)?.(message.results);
        this.applies.delete(message.id);
      } else if (message.type === 'trace') {
        this.traces.get(message.id)?.(message.trace);
        this.traces.delete(message.id);
      }
      for (const listener of this.listeners) listener(message);
    };
    this.send({ type: 'hello', version: PROTOCOL_VERSION });
  }

  send(command: Command): void {
    this.worker.postMessage(command);
  }

  apply(yaml: string): Promise<ApplyResult[]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.applies.set(id, resolve);
      this.send({ type: 'apply', id, yaml });
    });
  }

  /** trace asks for a pod's latest scheduling trace: why it went where it went, or why it is Pending. */
  trace(namespace: string, name: string): Promise<SchedulingTrace | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.traces.set(id, resolve);
      this.send({ type: 'trace', id, namespace, name });
    });
  }

  onMessage(listener: (message: WorkerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
