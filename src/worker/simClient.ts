import type { Event } from 'kubernetes-types/core/v1';
import type { ApplyResult, Flow, KubeObject, ObjectRef, SchedulingTrace } from '../sim/index';
import { PROTOCOL_VERSION, type Command, type WorkerMessage } from './protocol';

/** KubectlReply is what one kubectl command printed at once; a streaming one goes on until cancelled. */
export interface KubectlReply {
  stdout: string;
  stderr: string;
  exitCode: number;
  streaming: boolean;
}

/**
 * SimClient is the UI's handle on the simulation worker: typed commands out, messages in. It is created once at
 * module level so React StrictMode's double effects never start two workers.
 */
export class SimClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<(message: WorkerMessage) => void>();
  /** Answers awaited by the id of the command they answer: `applied`, `trace`, `object` and `completions`. */
  private readonly answers = new Map<number, (message: WorkerMessage) => void>();
  private readonly kubectlReplies = new Map<number, (reply: KubectlReply) => void>();
  private readonly kubectlStreams = new Map<number, { onText: (text: string) => void; onEnd: () => void }>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'applied' || message.type === 'trace' || message.type === 'object' || message.type === 'events' || message.type === 'completions') {
        this.answers.get(message.id)?.(message);
        this.answers.delete(message.id);
      } else if (message.type === 'kubectl') {
        this.kubectlReplies.get(message.id)?.(message);
        this.kubectlReplies.delete(message.id);
        if (!message.streaming) this.kubectlStreams.delete(message.id);
      } else if (message.type === 'kubectlStream') {
        const stream = this.kubectlStreams.get(message.id);
        stream?.onText(message.stdout + message.stderr);
        if (message.exitCode !== undefined) {
          this.kubectlStreams.delete(message.id);
          stream?.onEnd();
        }
      }
      for (const listener of this.listeners) listener(message);
    };
    this.send({ type: 'hello', version: PROTOCOL_VERSION });
  }

  send(command: Command): void {
    this.worker.postMessage(command);
  }

  apply(yaml: string): Promise<ApplyResult[]> {
    return this.ask((id) => ({ type: 'apply', id, yaml }), (m) => (m.type === 'applied' ? m.results : []));
  }

  /** trace asks for a pod's latest scheduling trace: why it went where it went, or why it is Pending. */
  trace(namespace: string, name: string): Promise<SchedulingTrace | undefined> {
    return this.ask((id) => ({ type: 'trace', id, namespace, name }), (m) => (m.type === 'trace' ? m.trace : undefined));
  }

  /** get asks for an object whole, as the API server holds it (the mirror keeps Pods slimmed): undefined if it is gone. */
  get(ref: ObjectRef): Promise<KubeObject | undefined> {
    return this.ask((id) => ({ type: 'get', id, ref }), (m) => (m.type === 'object' ? m.object : undefined));
  }

  /**
   * kubectl runs a command line in the worker; `files` are the editor's tabs by name, for `-f`. Output of a `-w`
   * command that arrives later goes to `onStream` until `cancel` is called, or until the command ends by itself
   * (`rollout status` once the rollout is through), which calls `onEnd`.
   */
  kubectl(line: string, files: Record<string, string>, onStream: (text: string) => void, onEnd: () => void): { reply: Promise<KubectlReply>; cancel(): void } {
    const id = this.nextId++;
    this.kubectlStreams.set(id, { onText: onStream, onEnd });
    const reply = new Promise<KubectlReply>((resolve) => {
      this.kubectlReplies.set(id, resolve);
      this.send({ type: 'kubectl', id, line, files });
    });
    return {
      reply,
      cancel: () => {
        this.kubectlStreams.delete(id);
        this.send({ type: 'kubectlCancel', id });
      },
    };
  }

  /** eventsAbout asks for the Events about one object, oldest first: the page keeps only the newest Events. */
  eventsAbout(ref: ObjectRef): Promise<Event[]> {
    return this.ask((id) => ({ type: 'eventsAbout', id, ref }), (m) => (m.type === 'events' ? m.events : []));
  }

  /** completeKubectl asks for the candidates of the word being typed at the end of a command line. */
  completeKubectl(line: string): Promise<string[]> {
    return this.ask((id) => ({ type: 'kubectlComplete', id, line }), (m) => (m.type === 'completions' ? m.candidates : []));
  }

  /** ask sends the command made for a fresh id and resolves with what its answer carries. */
  private ask<T>(command: (id: number) => Command, read: (answer: WorkerMessage) => T): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.answers.set(id, (answer) => resolve(read(answer)));
      this.send(command(id));
    });
  }

  startTraffic(flow: Flow): void {
    this.send({ type: 'traffic', action: 'start', flow });
  }

  stopTraffic(id: string): void {
    this.send({ type: 'traffic', action: 'stop', id });
  }

  onMessage(listener: (message: WorkerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
