import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { editorFrame } from './helpers';

test('the playground shows the default cluster, and an applied Deployment is created', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  for (const node of ['control-plane', 'node-1', 'node-2', 'node-3']) {
    await expect(page.getByRole('article', { name: `node ${node}` })).toBeVisible();
  }
  const editor = editorFrame(page);
  await expect(editor.getByTestId('manifest-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await editor.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'messages' })).toContainText('deployment.apps/web created');
  await page.screenshot({ path: 'test-results/cluster-default.png' });
  expect(problems).toEqual([]);
});
