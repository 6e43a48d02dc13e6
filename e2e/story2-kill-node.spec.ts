import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { applyWithShortcut, pasteManifest, readTimeline, setSpeed, WEB_DEPLOYMENT } from './helpers';

test('story 2: kill a node and watch the control plane heal around it', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await setSpeed(page, 10);
  await pasteManifest(page, WEB_DEPLOYMENT);
  await applyWithShortcut(page);
  const ready = page.locator('article[aria-label^="node "] button[aria-label^="pod web-"][data-status="Running"][data-ready="1/1"]');
  await expect(ready).toHaveCount(3, { timeout: 30_000 });

  // Kill a node that runs at least one web pod.
  const victimArticle = page.locator('article[aria-label^="node "]', { has: page.locator('button[aria-label^="pod web-"]') }).first();
  const victim = ((await victimArticle.getAttribute('aria-label')) ?? '').replace('node ', '');
  const victimPods = await victimArticle.locator('button[aria-label^="pod web-"]').count();
  await victimArticle.locator('header').click();
  await page.getByRole('button', { name: 'Kill node' }).click();
  await setSpeed(page, 100);

  const node = page.getByRole('article', { name: `node ${victim}` });
  await expect(node).toHaveAttribute('data-status', 'NotReady', { timeout: 20_000 });
  await page.screenshot({ path: 'test-results/story2-notready.png' });

  // ~5m50s later the pods are marked for eviction; they stay Terminating on the dead node while replacements run.
  await expect(node.locator('button[aria-label^="pod web-"][data-status="Terminating"]')).toHaveCount(victimPods, { timeout: 30_000 });
  await expect(ready).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'workloads' })).toContainText('ready 3/3');
  const timeline = await readTimeline(page);
  await expect(timeline).toContainText('NodeNotReady');
  await expect(timeline).toContainText('TaintManagerEviction');
  await page.screenshot({ path: 'test-results/story2-healed.png' });
  expect(problems).toEqual([]);
});
