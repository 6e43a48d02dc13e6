// Monaco comes from npm and is bundled: @monaco-editor/react would otherwise fetch it from a CDN, which fails offline.
import 'monaco-editor/esm/vs/editor/edcore.main';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import editorWorkerUrl from 'monaco-editor/esm/vs/editor/editor.worker?worker&url';
import yamlWorkerUrl from './yaml.worker?worker&url';
// The schema as a file the yaml worker fetches itself: imported as a module it would also live, parsed, on the
// editor's heap (and be cloned to the worker), 400 KB of text the editor's thread never reads.
import k8sSchemaUrl from '../../generated/k8s-schema.json?url';
import { crossOriginWorker } from './crossOriginWorker';

/** Models whose path ends in this get the Kubernetes schema (completion, hover docs, validation). */
export const K8S_FILE_SUFFIX = '.k8s.yaml';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? crossOriginWorker(yamlWorkerUrl, 'yaml') : crossOriginWorker(editorWorkerUrl, 'editor')),
};
loader.config({ monaco });
configureMonacoYaml(monaco, {
  enableSchemaRequest: true,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: new URL(k8sSchemaUrl, location.href).href, fileMatch: [`**/*${K8S_FILE_SUFFIX}`] }],
});

export { monaco };
