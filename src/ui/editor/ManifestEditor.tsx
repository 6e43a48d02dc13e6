import { useCallback, useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import type { ApplyResult } from '../../sim/index';
import type { Theme } from '../store/uiStore';
import { monaco, K8S_FILE_SUFFIX } from './monacoSetup';
import { EXAMPLES } from './examples';
import { uniqueName, type EditorFiles } from './fileStore';
import { applyMarkers } from './applyMarkers';

export interface ManifestEditorProps {
  /** The files saved when the editor opened. */
  initial: EditorFiles;
  /** Every edit, tab change or new tab, to be saved. */
  onChange(files: EditorFiles): void;
  onApply(text: string): Promise<ApplyResult[]>;
  theme: Theme;
}

const MARKER_OWNER = 'kubeplay-apply';

/**
 * ManifestEditor is Monaco with the Kubernetes schema: tabs of manifests saved on every keystroke, an examples
 * menu, and apply errors shown as markers at their line and column. It runs in the editor's own frame (see
 * frameProtocol.ts).
 */
export function ManifestEditor({ initial, onChange, onApply, theme }: ManifestEditorProps) {
  const [state, setState] = useState<EditorFiles>(initial);
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const active = state.files[state.active];
  const path = `file:///${active.name}${K8S_FILE_SUFFIX}`;

  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => onChangeRef.current(state), [state]);

  const apply = useCallback(async () => {
    const model = editorRef.current?.getModel();
    const text = model?.getValue() ?? active.text;
    const results = await onApply(text);
    if (model && !model.isDisposed()) monaco.editor.setModelMarkers(model, MARKER_OWNER, applyMarkers(results, model.getLineCount()));
  }, [active.text, onApply]);

  const applyRef = useRef(apply);
  applyRef.current = apply;

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    (window as unknown as { __monaco?: unknown }).__monaco = monaco;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void applyRef.current());
  };

  const setText = (text: string) =>
    setState((s) => ({ ...s, files: s.files.map((f, i) => (i === s.active ? { ...f, text } : f)) }));

  const openExample = (index: number) => {
    const example = EXAMPLES[index];
    setState((s) => {
      const name = uniqueName(s.files, example.file);
      return { files: [...s.files, { name, text: example.text }], active: s.files.length };
    });
  };

  const closeTab = (index: number) =>
    setState((s) => {
      if (s.files.length === 1) return s;
      const files = s.files.filter((_, i) => i !== index);
      return { files, active: Math.min(s.active > index ? s.active - 1 : s.active, files.length - 1) };
    });

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label="manifest files" className="flex items-center gap-1 overflow-x-auto border-b border-slate-300 px-1 dark:border-slate-800">
        {state.files.map((f, i) => (
          <span key={f.name} className={`flex shrink-0 items-center whitespace-nowrap rounded-t px-2 py-1 text-xs ${i === state.active ? 'bg-slate-200 dark:bg-slate-800' : 'text-slate-500'}`}>
            <button role="tab" aria-selected={i === state.active} onClick={() => setState((s) => ({ ...s, active: i }))}>
              {f.name}.yaml
            </button>
            {state.files.length > 1 && (
              <button aria-label={`close ${f.name}`} className="ml-1 text-slate-500 hover:text-rose-500" onClick={() => closeTab(i)}>
                ×
              </button>
            )}
          </span>
        ))}
        <select
          aria-label="examples"
          className="ml-auto w-28 shrink-0 rounded bg-slate-200 px-1 py-0.5 text-xs dark:bg-slate-800"
          value=""
          onChange={(e) => e.target.value !== '' && openExample(Number(e.target.value))}
        >
          <option value="">Examples…</option>
          {EXAMPLES.map((ex, i) => (
            <option key={ex.file} value={i}>
              {ex.title}
            </option>
          ))}
        </select>
      </div>
      <div className="min-h-0 flex-1" data-testid="manifest-editor">
        <Editor
          path={path}
          language="yaml"
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          value={active.text}
          onChange={(v) => setText(v ?? '')}
          onMount={onMount}
          options={{ minimap: { enabled: false }, fontSize: 12, scrollBeyondLastLine: false, tabSize: 2, automaticLayout: true, fixedOverflowWidgets: true }}
        />
      </div>
      <div className="flex items-center gap-2 border-t border-slate-300 p-2 dark:border-slate-800">
        <button className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-600" onClick={() => void apply()}>
          Apply
        </button>
        <span className="text-xs text-slate-500">Ctrl/Cmd+Enter</span>
      </div>
    </div>
  );
}
