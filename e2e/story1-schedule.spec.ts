import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { applyWithShortcut, pasteManifest, WEB_DEPLOYMENT } from './helpers';

test('story 1: paste a Deployment, watch its pods wait, get scheduled, start, and see why each went where it went', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Pause' }).click();
  await pasteManifest(page, WEB_DEPLOYMENT);
  await applyWithShortcut(page);
  await expect(page.getByRole('status', { name: 'messages' })).toContainText('deployment.apps/web created');

  // Paused: each Step is one controller action, until the three pods wait in the unscheduled lane.
  const lane = page.getByRole('region', { name: 'unscheduled pods' });
  for (let i = 0; i < 20 && (await lane.getByRole('button', { name: /^pod web-/ }).count()) < 3; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForTimeout(150);
  }
  await expect(lane.getByRole('button', { name: /^pod web-/ })).toHaveCount(3);
  await expect(lane.getByRole('button', { name: /^pod web-/ }).first()).toHaveAttribute('data-status', 'Pending');
  await expect(page.getByRole('region', { name: 'timeline' })).toContainText('created pod web-');
  await page.screenshot({ path: 'test-results/story1-pending.png' });

  await page.getByRole('button', { name: 'Play' }).click();
  await expect(lane.getByRole('button', { name: /^pod web-/ })).toHaveCount(0);
  const chips = page.locator('article[aria-label^="node "] button[aria-label^="pod web-"]');
  await expect(chips).toHaveCount(3);
  await expect(page.locator('article[aria-label="node control-plane"] button[aria-label^="pod web-"]')).toHaveCount(0);
  await expect(chips.filter({ has: page.locator('xpath=self::*[@data-status="Running" and @data-ready="1/1"]') })).toHaveCount(3, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/story1-running.png' });

  await chips.first().click();
  const trace = page.getByRole('region', { name: 'scheduling trace' });
  await expect(trace).toContainText('Bound to node-');
  await expect(trace).toContainText("TaintToleration: node(s) had untolerated taint(s)");
  await expect(trace.getByRole('row')).toHaveCount(5);
  // The graph's mirror keeps pods slimmed; the inspector shows the whole Pod the worker holds, defaults and all.
  const yaml = page.getByLabel('live yaml');
  await expect(yaml).toContainText('schedulerName: default-scheduler');
  await expect(yaml).toContainText('key: node.kubernetes.io/not-ready');
  await expect(yaml).toContainText('imageID: docker.io/library/nginx@sha256:');
  await page.screenshot({ path: 'test-results/story1-trace.png' });
  expect(problems).toEqual([]);
});
