import { describe, expect, it } from 'vitest';
import { ParentLink } from './parentLink';
import type { ToEditorFrame } from '../frameProtocol';

function link() {
  const posted: Array<[unknown, string]> = [];
  const parent = { postMessage: (m: unknown, origin: string) => void posted.push([m, origin]) } as unknown as Window;
  const stranger = {} as Window;
  let deliver: (e: MessageEvent) => void = () => undefined;
  const host = { addEventListener: (_: string, f: (e: MessageEvent) => void) => (deliver = f) } as unknown as Pick<Window, 'addEventListener'>;
  const l = new ParentLink(parent, 'http://127.0.0.1:5173', host);
  const from = (source: Window, data: unknown) => deliver({ source, data } as MessageEvent);
  return { l, posted, parent, stranger, from };
}

describe('the editor frame link to its page', () => {
  it('posts versioned messages to the page origin only', () => {
    const { l, posted } = link();
    l.post({ type: 'ready' });
    expect(posted).toEqual([[{ type: 'ready', v: 1 }, 'http://127.0.0.1:5173']]);
  });

  it('resolves each apply with the results the page sends under its id, whatever the order', async () => {
    const { l, posted, parent, from } = link();
    const first = l.apply('kind: Pod');
    const second = l.apply('kind: Service');
    expect(posted.map(([m]) => m)).toEqual([
      { type: 'apply', id: 1, text: 'kind: Pod', v: 1 },
      { type: 'apply', id: 2, text: 'kind: Service', v: 1 },
    ]);
    from(parent, { v: 1, type: 'applied', id: 2, results: [{ ok: true, message: 'service/web created' }] });
    from(parent, { v: 1, type: 'applied', id: 1, results: [{ ok: true, message: 'pod/web created' }] });
    expect(await first).toEqual([{ ok: true, message: 'pod/web created' }]);
    expect(await second).toEqual([{ ok: true, message: 'service/web created' }]);
  });

  it('hears the page, and ignores messages from any other window or of another protocol', () => {
    const { l, parent, stranger, from } = link();
    const heard: ToEditorFrame[] = [];
    l.onMessage((m) => heard.push(m));
    from(stranger, { v: 1, type: 'theme', theme: 'light' });
    from(parent, { v: 2, type: 'theme', theme: 'light' });
    from(parent, { v: 1, type: 'theme', theme: 'dark' });
    expect(heard).toEqual([{ v: 1, type: 'theme', theme: 'dark' }]);
  });
});
