import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
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
