import { describe, expect, it } from 'vitest';
import { initialScripts, isWorkerFile } from './bundleSize';

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
    { name: 'a lazy React chunk is not a worker', file: 'ManifestEditor-Ce7YXFff.js', want: false },
  ])('$name', ({ file, want }) => expect(isWorkerFile(file)).toBe(want));
});
