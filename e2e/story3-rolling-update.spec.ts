import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { applyWithShortcut, pasteManifest, readTimeline, setSpeed, WEB_DEPLOYMENT } from './helpers';

test('story 3: step through a rolling update one controller action at a time', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await setSpeed(page, 10);
  await pasteManifest(page, WEB_DEPLOYMENT);
  await applyWithShortcut(page);
  await expect(page.locator('button[aria-label^="pod web-"][data-status="Running"][data-ready="1/1"]')).toHaveCount(3, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Pause' }).click();
  const workloads = page.getByRole('region', { name: 'workloads' });
  await workloads.getByRole('button', { name: 'deploy/web' }).click();
  await page.getByRole('textbox', { name: 'image' }).fill('nginx:1.16.1');
  await page.getByRole('button', { name: 'Change image' }).click();
  await expect(page.getByRole('status', { name: 'messages' })).toContainText('deployment.apps/web image updated', { timeout: 15_000 });

  const timeline = page.getByRole('region', { name: 'timeline' });
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(timeline).toContainText(/created ReplicaSet web-\w+ with 1 replica for revision 2: the pod template changed; maxSurge 1 allows 4 pods for 3 replicas and 3 exist/);
  await expect(timeline).toContainText(/Scaled up replica set web-\w+ from 0 to 1/);
  await expect(page.getByRole('log', { name: 'last step' })).toContainText(/deployment-controller created ReplicaSet web-\w+ with 1 replica for revision 2/);
  await expect(workloads.getByRole('listitem', { name: /^replicaset web-/ })).toHaveCount(2);
  await expect(workloads).toContainText('rev 2 (new)');
  await page.screenshot({ path: 'test-results/story3-first-step.png' });

  // Each press is one action; keep pressing until the old ReplicaSet is scaled down to 0 and the new one is ready.
  const oldRs = workloads.getByRole('listitem', { name: /^replicaset web-/ }).filter({ hasText: '(old)' });
  for (let i = 0; i < 300 && !(await oldRs.textContent())?.includes('0/0/0'); i++) {
    await page.getByRole('button', { name: 'Step' }).click();
  }
  await expect(oldRs).toContainText('0/0/0');
  await expect(await readTimeline(page)).toContainText(/scaled down ReplicaSet web-\w+ from 3 to 2/);
  await setSpeed(page, 100);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('button[aria-label^="pod web-"][data-status="Running"][data-ready="1/1"]')).toHaveCount(3, { timeout: 30_000 });
  await expect(workloads.getByRole('listitem', { name: /^replicaset web-/ }).filter({ hasText: '(new)' })).toContainText('3/3/3');
  await page.screenshot({ path: 'test-results/story3-done.png' });
  expect(problems).toEqual([]);
});
