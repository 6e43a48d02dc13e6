import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';

// The manifest editor's frame (editor.html) has an opaque origin: its module scripts, stylesheet, font, workers and
// schema are fetched with CORS and the Origin `null`. Vite's default allows only localhost origins.
const cors = { origin: [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, 'null'] };
const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  server: { cors },
  preview: { cors },
  build: {
    rolldownOptions: {
      input: { main: page('index.html'), editor: page('editor.html') },
      output: {
        // The editor's hovers name their schema by its file name: "kubernetes.json", its hash in the folder instead.
        assetFileNames: (asset) => (asset.names.includes('k8s-schema.json') ? 'assets/[hash]/kubernetes.json' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  // Vite's dependency scanner does not crawl worker entries; without this the first dev load re-optimises and reloads.
  optimizeDeps: { include: ['xstate', 'yaml', 'pure-rand/generator/xoroshiro128plus', 'pure-rand/distribution/uniformInt', 'heap-js', 'monaco-yaml/yaml.worker.js', 'zustand/react/shallow'] },
  test: { include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], environment: 'node', testTimeout: 20000 },
});
