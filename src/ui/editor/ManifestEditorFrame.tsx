import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApplyResult } from '../../sim/index';
import type { Theme } from '../store/uiStore';
import { isFromEditorFrame, versioned, type ToEditorFrame, type Unversioned } from './frameProtocol';
import { editorHost } from './editorHost';

export interface ManifestEditorFrameProps {
  onApply(text: string): Promise<ApplyResult[]>;
  onResults(results: ApplyResult[]): void;
  theme: Theme;
}

const FRAME_URL = `${import.meta.env.BASE_URL}editor.html`;
/** How long after its document has loaded the frame may take to ask for its files before the pane says it failed. */
const START_TIMEOUT_MS = 15_000;

/**
 * ManifestEditorFrame holds the manifest editor in a sandboxed iframe: Monaco is two-thirds of what a page with it
 * keeps on its heap, and out of the page its collections never hold up a frame of the graph. The page keeps the
 * editor's files in its storage and applies what the editor sends (editorHost.ts).
 */
export function ManifestEditorFrame({ onApply, onResults, theme }: ManifestEditorFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  // The theme the frame draws with before its `init` arrives, so it never flashes the other one.
  const [src] = useState(() => `${FRAME_URL}#${theme}`);
  const themeRef = useRef(theme);
  themeRef.current = theme;

  // Posted to any origin: the frame's is opaque, and its window is the one this component made.
  const post = (message: Unversioned<ToEditorFrame>) => frame.current?.contentWindow?.postMessage(versioned<ToEditorFrame>(message), '*');

  // A layout effect: listening before the frame's document can load, so its `ready` is never missed.
  useLayoutEffect(() => {
    const receive = editorHost({ storage: localStorage, apply: onApply, onResults, post, theme: () => themeRef.current, onReady: () => setReady(true) });
    const onMessage = (e: MessageEvent) => {
      if (e.source !== null && e.source === frame.current?.contentWindow && isFromEditorFrame(e.data)) void receive(e.data);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onApply, onResults]);

  useEffect(() => {
    if (ready) post({ type: 'theme', theme });
  }, [ready, theme]);

  // A frame whose scripts the server refused (they are fetched with the Origin `null`) never asks for its files.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!loaded || ready) return;
    const timer = setTimeout(() => setFailed(true), START_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [loaded, ready]);

  return (
    <div className="relative h-full">
      {!ready && (
        <p role={failed ? 'alert' : undefined} className={`absolute p-3 text-xs ${failed ? 'text-rose-600 dark:text-rose-300' : 'text-slate-500'}`}>
          {failed ? 'The editor did not start: its frame could not load its scripts. The server must allow the Origin null (Access-Control-Allow-Origin).' : 'Loading editor…'}
        </p>
      )}
      <iframe
        ref={frame}
        src={src}
        onLoad={() => setLoaded(true)}
        title="manifest editor"
        sandbox="allow-scripts"
        allow="clipboard-read; clipboard-write"
        className={`h-full w-full border-0 ${ready ? '' : 'invisible'}`}
      />
    </div>
  );
}
