// Monaco comes from npm and is bundled: @monaco-editor/react would otherwise fetch it from a CDN, which fails offline.
import 'monaco-editor/esm/vs/editor/edcore.main';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import k8sSchema from '../../generated/k8s-schema.json';

/** Models whose path ends in this get the Kubernetes schema (completion, hover docs, validation). */
export const K8S_FILE_SUFFIX = '.k8s.yaml';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};
loader.config({ monaco });
configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'inmemory://schemas/kubernetes.json', fileMatch: [`**/*${K8S_FILE_SUFFIX}`], schema: k8sSchema as never }],
});

export { monaco };
