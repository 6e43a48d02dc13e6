import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import config from '../vite.config';

const require = createRequire(import.meta.url);

// `npm start` (the Vite dev server) pre-bundles these; one that does not resolve stops the server at start-up.
describe('the dev server configuration', () => {
  const include = (config as { optimizeDeps?: { include?: string[] } }).optimizeDeps?.include ?? [];
  it.each(include)('pre-bundled dependency %s resolves', (id) => {
    expect(() => require.resolve(id)).not.toThrow();
  });
});
