import { loadFiles } from '../editor/fileStore';
import { simClient } from '../simClientInstance';
import type { ConsoleBackend } from './KubectlConsole';

/**
 * editorFiles names the editor's tabs for `kubectl apply -f NAME`: each tab by its name, and by its name with
 * `.yaml` when it has no extension, as a learner would type it.
 */
export function editorFiles(tabs: ReadonlyArray<{ name: string; text: string }>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const tab of tabs) {
    files[tab.name] = tab.text;
    if (!/\.ya?ml$/.test(tab.name)) files[`${tab.name}.yaml`] = tab.text;
  }
  return files;
}

/** consoleBackend runs the console's commands in the simulation worker, with the editor's saved tabs as files. */
export const consoleBackend: ConsoleBackend = {
  run: (line, onStream, onEnd) => simClient.kubectl(line, editorFiles(loadFiles(localStorage, { files: [], active: 0 }).files), onStream, onEnd),
  complete: (line) => simClient.completeKubectl(line),
};
