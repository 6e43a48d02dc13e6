import type { ApplyResult } from '../../../sim/index';
import { isToEditorFrame, versioned, type FromEditorFrame, type ToEditorFrame, type Unversioned } from '../frameProtocol';

/**
 * ParentLink is the editor frame's side of frameProtocol.ts: it posts to the page that holds the frame, and hears
 * only that page. The frame's own origin is opaque, but its URL's origin is the page's.
 */
export class ParentLink {
  private nextId = 1;
  private readonly pending = new Map<number, (results: ApplyResult[]) => void>();
  private readonly listeners = new Set<(message: ToEditorFrame) => void>();

  constructor(private readonly parent: Window, private readonly parentOrigin: string, host: Pick<Window, 'addEventListener'>) {
    host.addEventListener('message', (e: MessageEvent) => {
      if (e.source !== parent || !isToEditorFrame(e.data)) return;
      const message = e.data;
      if (message.type === 'applied') {
        this.pending.get(message.id)?.(message.results);
        this.pending.delete(message.id);
      }
      for (const listener of this.listeners) listener(message);
    });
  }

  post(message: Unversioned<FromEditorFrame>): void {
    this.parent.postMessage(versioned<FromEditorFrame>(message), this.parentOrigin);
  }

  onMessage(listener: (message: ToEditorFrame) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** apply asks the page to apply the text, and resolves with kubectl's results. */
  apply(text: string): Promise<ApplyResult[]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ type: 'apply', id, text });
    });
  }
}
