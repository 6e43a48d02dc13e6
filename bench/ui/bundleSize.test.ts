import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialScripts, isWorkerFile, jsFiles } from './bundleSize';

describe('initialScripts', () => {
  it.each([
    {
      name: 'lists the module entry script and the modulepreload links, not stylesheets',
      html: '<script type="module" crossorigin src="/assets/index-A.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-B.js"><link rel="stylesheet" href="/assets/index.css">',
      want: ['/assets/index-A.js', '/assets/vendor-B.js'],
    },
    { name: 'ignores classic scripts', html: '<script src="/legacy.js"></script>', want: [] },
  ])('$name', ({ html, want }) => expect(initialScripts(html)).toEqual(want));
});

describe('isWorkerFile', () => {
  it.each([
    { name: 'a Vite worker entry named after its source file is a worker', file: 'simWorker-B1ano7CV.js', want: true },
    { name: 'Monaco editor worker is a worker', file: 'editor.worker-DEFT_Yb2.js', want: true },
    { name: 'a lazy React chunk is not a worker', file: 'LiveYaml-5_gI20Br.js', want: false },
  ])('$name', ({ file, want }) => expect(isWorkerFile(file)).toBe(want));
});

describe('jsFiles', () => {
  it('counts what index.html loads as initial, and what only the editor frame loads as the frame', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    try {
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/main-A.js"></script><link rel="modulepreload" href="/assets/shared-B.js">');
      writeFileSync(join(dist, 'editor.html'), '<script type="module" src="/assets/editor-C.js"></script><link rel="modulepreload" href="/assets/shared-B.js">');
      for (const name of ['main-A.js', 'shared-B.js', 'editor-C.js', 'LiveYaml-D.js', 'yaml.worker-E.js']) writeFileSync(join(dist, 'assets', name), 'x');
      expect(Object.fromEntries(jsFiles(dist).map((f) => [f.file, f.role]))).toEqual({
        'assets/main-A.js': 'initial',
        'assets/shared-B.js': 'initial',
        'assets/editor-C.js': 'editor frame',
        'assets/LiveYaml-D.js': 'lazy chunk',
        'assets/yaml.worker-E.js': 'worker',
      });
    } finally {
      rmSync(dist, { recursive: true });
    }
  });
});
