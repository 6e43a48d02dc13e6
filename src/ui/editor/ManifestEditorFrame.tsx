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

/**
 * ManifestEditorFrame holds the manifest editor in a sandboxed iframe: Monaco is two-thirds of what a page with it
 * keeps on its heap, and out of the page its collections never hold up a frame of the graph. The page keeps the
 * editor's files in its storage and applies what the editor sends (editorHost.ts).
 */
export function ManifestEditorFrame({ onApply, onResults, theme }: ManifestEditorFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
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

  return (
    <div className="relative h-full">
      {!ready && <p className="absolute p-3 text-xs text-slate-500">Loading editor…</p>}
      <iframe
        ref={frame}
        src={FRAME_URL}
        title="manifest editor"
        sandbox="allow-scripts"
        allow="clipboard-read; clipboard-write"
        className={`h-full w-full border-0 ${ready ? '' : 'invisible'}`}
      />
    </div>
  );
}
