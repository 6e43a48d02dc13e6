import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { EXAMPLES } from '../src/ui/editor/examples';
import { applyWithShortcut, pasteManifest, setSpeed, WEB_DEPLOYMENT } from './helpers';

// The editor's Deployment example (3 nginx replicas) and its "Service and Ingress" example, pasted together.
const WEB_WITH_INGRESS = `${WEB_DEPLOYMENT}---\n${EXAMPLES.find((e) => e.file === 'web-ingress')!.text}`;

test('networking: traffic through an Ingress reaches the pods, fails for a dead node, and recovers', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await setSpeed(page, 10);
  await pasteManifest(page, WEB_WITH_INGRESS);
  await applyWithShortcut(page);
  await expect(page.getByRole('status', { name: 'messages' })).toContainText('ingress.networking.k8s.io/web created');

  // The Service and the Ingress are drawn with their addresses once the endpoints are ready.
  await expect(page.getByLabel('service web', { exact: true })).toContainText('endpoints 3/3 ready', { timeout: 30_000 });
  await expect(page.getByLabel('ingress web', { exact: true })).toContainText('172.18.255.200', { timeout: 30_000 });

  const traffic = page.getByRole('region', { name: 'traffic' });
  await traffic.getByLabel('traffic target').fill('http://web.example.com/');
  await traffic.getByLabel('traffic rate').fill('20');
  await traffic.getByRole('button', { name: 'Start' }).click();
  const counts = traffic.getByLabel('flow-1 counts');
  await expect(counts).toContainText(/[1-9]\d* ok/);
  await expect(counts).toContainText('no errors');
  await expect.poll(() => page.getByTestId('packet-canvas').getAttribute('data-in-flight')).not.toBe('0');
  await page.screenshot({ path: 'test-results/networking-traffic.png' });

  // Kill the node of one web pod that is not the ingress controller's: its share of requests times out until the
  // node is NotReady and its pod leaves the ready endpoints.
  const victim = await page.evaluate(() => {
    const articles = [...document.querySelectorAll('article[aria-label^="node node-"]')];
    const node = articles.find((a) => a.querySelector('button[aria-label^="pod web-"]') && !a.querySelector('button[aria-label^="pod ingress-nginx-"]'));
    return node?.getAttribute('aria-label')?.replace('node ', '') ?? '';
  });
  expect(victim).toMatch(/^node-\d$/);
  await page.getByRole('article', { name: `node ${victim}` }).locator('header').click();
  await page.getByRole('button', { name: 'Kill node' }).click();
  await expect(counts).toContainText('timeout', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/networking-node-dead.png' });

  // Recovery: the timeouts stop growing once the endpoints changed.
  await setSpeed(page, 100);
  await expect(page.getByLabel('service web', { exact: true })).toContainText('endpoints 2/3 ready', { timeout: 30_000 });
  const timeouts = async () => Number(/timeout ×(\d+)/.exec((await counts.textContent()) ?? '')?.[1] ?? 0);
  const settled = await timeouts();
  await page.waitForTimeout(2_000);
  await expect(counts).toContainText(/[1-9]\d* ok/);
  expect(await timeouts()).toBe(settled);
  await page.screenshot({ path: 'test-results/networking-recovered.png' });
  expect(problems).toEqual([]);
});
