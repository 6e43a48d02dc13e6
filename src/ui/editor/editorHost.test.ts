import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../sim/index';
import { editorHost } from './editorHost';
import type { ToEditorFrame, Unversioned } from './frameProtocol';

const SAVED = '{"files":[{"name":"web","text":"kind: Deployment"}],"active":0}';

function host(saved?: string) {
  const data = new Map<string, string>(saved === undefined ? [] : [['kubeplay.editor.v1', saved]]);
  const posted: Array<Unversioned<ToEditorFrame>> = [];
  const applied: string[] = [];
  const shown: ApplyResult[][] = [];
  let ready = 0;
  const results: ApplyResult[] = [{ document: 0, ok: true, message: 'deployment.apps/web created', outcome: 'created' }];
  const receive = editorHost({
    storage: { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) },
    apply: async (text) => {
      applied.push(text);
      return results;
    },
    onResults: (r) => void shown.push(r),
    post: (m) => void posted.push(m),
    theme: () => 'light',
    onReady: () => void ready++,
  });
  return { receive, data, posted, applied, shown, results, ready: () => ready };
}

describe('the page hosting the editor frame', () => {
  it('answers the frame being ready with the files saved before the reload and the theme', async () => {
    const h = host(SAVED);
    await h.receive({ v: 1, type: 'ready' });
    expect(h.posted).toEqual([{ type: 'init', files: { files: [{ name: 'web', text: 'kind: Deployment' }], active: 0 }, theme: 'light' }]);
    expect(h.ready()).toBe(1);
  });

  it('sends no files when none were saved, so the frame opens its first example', async () => {
    const h = host();
    await h.receive({ v: 1, type: 'ready' });
    expect(h.posted).toEqual([{ type: 'init', files: undefined, theme: 'light' }]);
  });

  it('stores every save in the page storage, where a reload and the kubectl console find it', async () => {
    const h = host();
    await h.receive({ v: 1, type: 'save', files: { files: [{ name: 'svc', text: 'kind: Service' }], active: 0 } });
    expect(h.data.get('kubeplay.editor.v1')).toBe('{"files":[{"name":"svc","text":"kind: Service"}],"active":0}');
  });

  it('applies the text the frame sends, shows the results on the page and answers the frame under its id', async () => {
    const h = host();
    await h.receive({ v: 1, type: 'apply', id: 4, text: 'kind: Deployment' });
    expect(h.applied).toEqual(['kind: Deployment']);
    expect(h.shown).toEqual([h.results]);
    expect(h.posted).toEqual([{ type: 'applied', id: 4, results: h.results }]);
  });
});
