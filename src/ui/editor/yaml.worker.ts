// monaco-yaml's language worker, bundled by Vite as its own chunk (monaco-yaml FAQ for Vite).
import 'monaco-yaml/yaml.worker.js';
