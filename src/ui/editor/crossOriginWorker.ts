/**
 * crossOriginWorker starts a module worker from a script URL of the app inside the editor's sandboxed frame. The
 * frame's origin is opaque, so `new Worker(url)` of the app's own URL throws a SecurityError, and Chromium fails a
 * module worker from a blob the frame makes; a `data:` worker is allowed, and imports the script with CORS (the
 * server allows the `null` origin, see vite.config.ts).
 */
export function crossOriginWorker(scriptUrl: string, name: string): Worker {
  const source = `import ${JSON.stringify(new URL(scriptUrl, location.href).href)};`;
  return new Worker(`data:text/javascript,${encodeURIComponent(source)}`, { type: 'module', name });
}
