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

  // The pod's Events come from the worker, as kubectl describe lists them; the filtered timeline shows them too.
  const inspector = page.getByLabel('inspector');
  const name = (await inspector.getByRole('heading', { level: 2 }).textContent())!.replace('pod/', '');
  const events = inspector.locator('section', { has: page.getByRole('heading', { name: 'Events' }) });
  await expect(events).toContainText(new RegExp(`Normal Scheduled: Successfully assigned default/${name} to node-\\d`));
  await expect(events).toContainText('Normal Started: Started container nginx');
  await inspector.getByRole('button', { name: 'show only this object in the timeline' }).click();
  const timeline = page.getByRole('region', { name: 'timeline' });
  await expect(timeline).toContainText(`only pod/${name}`);
  await expect(timeline).toContainText('Pulled');
  await expect(timeline.getByRole('listitem').filter({ hasNotText: name })).toHaveCount(0);
  // New Events about the pod reach the inspector as they happen: the kubelet restarts a crashed container.
  await inspector.getByRole('button', { name: 'Crash container' }).click();
  await expect(events).toContainText('Normal Started: Started container nginx (x2)', { timeout: 20_000 });
  await events.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/story1-events.png' });
  expect(problems).toEqual([]);
});
