import { defineConfig } from '@playwright/test';

// Browser tests run Debian's Chromium (scripts/ensure-chromium.sh): Playwright cannot download its own here.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  // The stories run the simulation in real time at 10x-100x; one retry in CI absorbs a stalled 2-core machine.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    browserName: 'chromium',
    permissions: ['clipboard-read', 'clipboard-write'],
    // A classroom projector or a laptop screen: wide enough for nodes, Services and Ingresses at readable zoom.
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: './node_modules/.bin/vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
  },
});
