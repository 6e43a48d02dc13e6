import type { ApplyResult } from '../../sim/index';
import type { Theme } from '../store/uiStore';
import type { FromEditorFrame, ToEditorFrame, Unversioned } from './frameProtocol';
import { loadFiles, saveFiles } from './fileStore';

export interface EditorHostDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  apply(text: string): Promise<ApplyResult[]>;
  /** kubectl's answers, for the page's message area. */
  onResults(results: ApplyResult[]): void;
  post(message: Unversioned<ToEditorFrame>): void;
  theme(): Theme;
  /** The frame has asked for its files: it is about to draw the editor. */
  onReady(): void;
}

/**
 * editorHost is the page's side of frameProtocol.ts: it answers the editor frame's `ready` with the saved files,
 * stores each `save` (the console's `kubectl apply -f` reads the files from there too), and applies what the frame
 * sends, answering with the results.
 */
export function editorHost(deps: EditorHostDeps): (message: FromEditorFrame) => Promise<void> {
  return async (message) => {
    if (message.type === 'ready') {
      deps.post({ type: 'init', files: loadFiles(deps.storage, undefined), theme: deps.theme() });
      deps.onReady();
    } else if (message.type === 'save') {
      saveFiles(deps.storage, message.files);
    } else {
      const results = await deps.apply(message.text);
      deps.onResults(results);
      deps.post({ type: 'applied', id: message.id, results });
    }
  };
}
