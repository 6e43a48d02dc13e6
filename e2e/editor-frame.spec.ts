import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { editorFrame } from './helpers';

test('the editor in its own frame: an example opens in a new tab, follows the theme, survives a reload, and kubectl applies the tab', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  const editor = editorFrame(page);
  await expect(editor.getByTestId('manifest-editor').locator('.monaco-editor.vs-dark')).toBeVisible({ timeout: 20_000 });

  await editor.getByRole('combobox', { name: 'examples' }).selectOption({ label: 'Pod with probes' });
  const tabs = editor.getByRole('tab');
  await expect(tabs).toHaveText(['web-deployment.yaml', 'probes-pod.yaml']);
  await expect(editor.getByRole('tab', { name: 'probes-pod.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(editor.locator('.view-line', { hasText: 'livenessProbe:' })).toBeVisible();

  // The page's theme button reaches the frame: its tabs and Monaco turn light together with the page.
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(editor.getByTestId('manifest-editor').locator('.monaco-editor.vs')).toBeVisible();
  await expect(editor.locator('html')).not.toHaveClass(/dark/);
  await page.screenshot({ path: 'test-results/editor-frame-light.png' });

  await page.reload();
  await expect(editor.getByTestId('manifest-editor').locator('.monaco-editor.vs')).toBeVisible({ timeout: 20_000 });
  await expect(editor.getByRole('tab')).toHaveText(['web-deployment.yaml', 'probes-pod.yaml']);
  await expect(editor.getByRole('tab', { name: 'probes-pod.yaml' })).toHaveAttribute('aria-selected', 'true');

  // The frame saves its tabs in the page's storage, where the console finds them as files.
  const prompt = page.getByRole('textbox', { name: 'kubectl command' });
  await prompt.fill('kubectl apply -f probes-pod.yaml');
  await prompt.press('Enter');
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText('pod/goproxy created');
  expect(problems).toEqual([]);
});

test('an editor frame whose scripts the server refuses says so in its pane, and the rest of the page works', async ({ page }) => {
  await page.clock.install();
  await page.route(/\/assets\/editor-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '', headers: {} }));
  await page.goto('/');
  await expect(page.getByText('Loading editor…')).toBeVisible();
  // The pane waits 15 s from the frame's load event, which comes at its own time: run the clock on until it has said so.
  await expect(async () => {
    await page.clock.fastForward(16_000);
    await expect(page.getByRole('alert')).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(page.getByRole('alert')).toHaveText('The editor did not start: its frame could not load its scripts. The server must allow the Origin null (Access-Control-Allow-Origin).');
  await expect(page.getByRole('article', { name: 'node node-1' })).toBeVisible();
  await page.screenshot({ path: 'test-results/editor-frame-refused.png', clip: { x: 0, y: 0, width: 800, height: 300 } });
});
