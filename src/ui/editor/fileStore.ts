/** A manifest file in the editor's tabs. */
export interface ManifestFile {
  name: string;
  text: string;
}

export interface EditorFiles {
  files: ManifestFile[];
  active: number;
}

const STORAGE_KEY = 'kubeplay.editor.v1';

/** loadFiles reads the saved tabs; anything unreadable falls back to the given default, never throws. */
export function loadFiles<F>(storage: Pick<Storage, 'getItem'>, fallback: F): EditorFiles | F {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as EditorFiles;
    const files = Array.isArray(parsed.files) ? parsed.files.filter((f) => typeof f?.name === 'string' && typeof f?.text === 'string') : [];
    if (files.length === 0) return fallback;
    return { files, active: Math.min(Math.max(0, Number(parsed.active) || 0), files.length - 1) };
  } catch {
    return fallback;
  }
}

/** saveFiles keeps every keystroke: the editor's text survives a reload. */
export function saveFiles(storage: Pick<Storage, 'setItem'>, state: EditorFiles): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // A full or disabled storage must not break editing; the text stays in memory.
  }
}

/** uniqueName gives a new tab a name no other tab has: `web`, `web-2`, `web-3`... */
export function uniqueName(files: readonly ManifestFile[], base: string): string {
  const taken = new Set(files.map((f) => f.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
