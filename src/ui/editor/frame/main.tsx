import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './frame.css';
import type { Theme } from '../../store/uiStore';
import type { EditorFiles } from '../fileStore';
import { ManifestEditor } from '../ManifestEditor';
import { EXAMPLES } from '../examples';
import { ParentLink } from './parentLink';

const FIRST_EXAMPLE: EditorFiles = { files: [{ name: EXAMPLES[0].file, text: EXAMPLES[0].text }], active: 0 };

// The page names its theme in the frame's URL, so the first paint already has it.
const FIRST_THEME: Theme = location.hash === '#light' ? 'light' : 'dark';
document.documentElement.classList.toggle('dark', FIRST_THEME === 'dark');

const link = new ParentLink(window.parent, new URL(location.href).origin, window);
const save = (files: EditorFiles) => link.post({ type: 'save', files });
const apply = (text: string) => link.apply(text);

/** FrameRoot is the whole of editor.html: the manifest editor, once the page has sent the saved files. */
function FrameRoot() {
  const [initial, setInitial] = useState<EditorFiles>();
  const [theme, setTheme] = useState<Theme>(FIRST_THEME);
  useEffect(() => {
    const stop = link.onMessage((message) => {
      if (message.type === 'init') setInitial((files) => files ?? message.files ?? FIRST_EXAMPLE);
      if (message.type === 'init' || message.type === 'theme') setTheme(message.theme);
    });
    link.post({ type: 'ready' });
    return stop;
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  return initial ? <ManifestEditor initial={initial} onChange={save} onApply={apply} theme={theme} /> : null;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FrameRoot />
  </StrictMode>,
);
