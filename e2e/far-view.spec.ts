import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { applyWithShortcut, pasteManifest, WEB_DEPLOYMENT } from './helpers';

test('zoomed out past readable chips, the nodes are drawn on one canvas that names them and selects what is clicked', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await pasteManifest(page, WEB_DEPLOYMENT);
  await applyWithShortcut(page);
  await expect(page.locator('article[aria-label^="node "] button[aria-label^="pod web-"][data-status="Running"]')).toHaveCount(3, { timeout: 30_000 });

  const grid = page.locator('canvas[aria-label^="worker nodes"]');
  for (let i = 0; i < 12 && !(await grid.isVisible()); i++) await page.getByRole('button', { name: 'zoom out' }).click();
  await expect(grid).toBeVisible();
  await expect(page.getByRole('article', { name: 'node node-1' })).toHaveCount(0);
  // The canvas's fallback content still names every node, its status and its pods by status.
  await expect(page.locator('li[aria-label="node node-1"]')).toHaveAttribute('data-status', 'Ready');
  const counts = await page.locator('[data-testid=cluster-graph] [data-pods]').evaluateAll((spans) => spans.reduce((n, s) => n + Number(s.getAttribute('data-pods')), 0));
  expect(counts).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: 'test-results/far-view.png' });

  // A click on a card's header selects its node (the canvas is drawn in graph units, scaled by the zoom).
  const box = (await grid.boundingBox())!;
  const scale = await grid.evaluate((c) => c.getBoundingClientRect().width / (c as HTMLCanvasElement).offsetWidth);
  await page.mouse.click(box.x + 20 * scale, box.y + 20 * scale);
  await expect(page.getByLabel('inspector')).toContainText('control-plane');

  // Zooming back in brings the DOM cards back.
  for (let i = 0; i < 12 && (await grid.isVisible()); i++) await page.getByRole('button', { name: 'zoom in' }).click();
  await expect(page.getByRole('article', { name: 'node node-1' })).toBeVisible();
  expect(problems).toEqual([]);
});
