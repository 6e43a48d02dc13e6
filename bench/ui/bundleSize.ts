// What the browser must download before first paint: the module scripts and modulepreload links of dist/index.html
// (Vite's HTML output); the editor's frame (dist/editor.html, a page of its own in its own process), lazy chunks and
// workers are listed apart.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  role: 'initial' | 'editor frame' | 'lazy chunk' | 'worker';
}

/** initialScripts lists the JS URLs index.html loads itself: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
    if (tag.startsWith('<script') && attr('type') === 'module' && attr('src')) urls.push(attr('src')!);
    if (tag.startsWith('<link') && attr('rel') === 'modulepreload' && attr('href')) urls.push(attr('href')!);
  }
  return urls;
}

/** isWorkerFile: Vite names worker entries after their source file (simWorker, editor.worker, yaml.worker). */
export function isWorkerFile(file: string): boolean {
  return /worker/i.test(file);
}

/** jsFiles measures every JS file of a Vite dist directory, raw and gzipped (zlib's default level, as Vite reports). */
export function jsFiles(distDir: string): JsFile[] {
  const scriptsOf = (html: string) => (existsSync(join(distDir, html)) ? initialScripts(readFileSync(join(distDir, html), 'utf8')).map((url) => url.replace(/^\//, '')) : []);
  const initial = new Set(scriptsOf('index.html'));
  const editorFrame = new Set(scriptsOf('editor.html'));
  const out: JsFile[] = [];
  for (const name of readdirSync(join(distDir, 'assets'))) {
    if (!name.endsWith('.js')) continue;
    const file = `assets/${name}`;
    const body = readFileSync(join(distDir, file));
    out.push({ file, bytes: body.length, gzipBytes: gzipSync(body).length, role: initial.has(file) ? 'initial' : editorFrame.has(file) ? 'editor frame' : isWorkerFile(name) ? 'worker' : 'lazy chunk' });
  }
  const order = { initial: 0, 'editor frame': 1, 'lazy chunk': 2, worker: 3 };
  return out.sort((a, b) => order[a.role] - order[b.role] || b.gzipBytes - a.gzipBytes);
}
