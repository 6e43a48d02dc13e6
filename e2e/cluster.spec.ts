import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';

test('the playground shows the default cluster and schedules an applied Deployment', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  for (const node of ['control-plane', 'node-1', 'node-2', 'node-3']) {
    await expect(page.getByRole('article', { name: `node ${node}` })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('list', { name: 'apply results' })).toContainText('deployment.apps/web created');
  await page.screenshot({ path: 'test-results/cluster-default.png', fullPage: true });
  expect(problems).toEqual([]);
});
