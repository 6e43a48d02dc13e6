import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { editorFrame, editorMarkers, pasteManifest, WEB_DEPLOYMENT } from './helpers';

/** The editor's first example with a replica count that is not a number, on line 6. */
const WRONG_TYPE = WEB_DEPLOYMENT.replace('replicas: 3', 'replicas: three');

test('the editor checks, documents and completes a manifest from the Kubernetes schema, which its yaml worker loads from the app itself', async ({ page }) => {
  const problems = watchProblems(page);
  const schemaRequests: string[] = [];
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname.endsWith('/kubernetes.json')) schemaRequests.push(r.url());
  });
  await page.goto('/');
  await pasteManifest(page, WRONG_TYPE);

  await expect.poll(async () => (await editorMarkers(page)).filter((m) => m.message.startsWith('Incorrect type')).map((m) => [m.startLineNumber, m.message])).toEqual([[6, 'Incorrect type. Expected "integer".']]);

  const editor = editorFrame(page);
  await editor.getByTestId('manifest-editor').locator('.view-line', { hasText: 'replicas: three' }).getByText('replicas').hover();
  const hover = editor.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.');
  await expect(hover).toContainText('Source: kubernetes.json');
  // Monaco fades a hover in; the screenshot shows it whole.
  await expect(hover).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test-results/schema-hover.png' });

  await editor.getByTestId('manifest-editor').locator('.view-line', { hasText: 'replicas: three' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('minRe');
  await page.keyboard.press('Control+Space');
  await expect(editor.locator('.suggest-widget.visible')).toContainText('minReadySeconds');
  await page.screenshot({ path: 'test-results/schema-completion.png' });

  expect(schemaRequests).toHaveLength(1);
  expect(problems).toEqual([]);
});
