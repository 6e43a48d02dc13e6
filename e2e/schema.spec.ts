import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { editorMarkers, pasteManifest } from './helpers';

const WRONG_TYPE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: three
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
`;

test('the editor checks, documents and completes a manifest from the Kubernetes schema, which its yaml worker loads from the app itself', async ({ page }) => {
  const problems = watchProblems(page);
  const schemaRequests: string[] = [];
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname.endsWith('/kubernetes.json')) schemaRequests.push(r.url());
  });
  await page.goto('/');
  await pasteManifest(page, WRONG_TYPE);

  await expect.poll(async () => (await editorMarkers(page)).filter((m) => m.message.startsWith('Incorrect type')).map((m) => [m.startLineNumber, m.message])).toEqual([[6, 'Incorrect type. Expected "integer".']]);

  await page.getByTestId('manifest-editor').locator('.view-line', { hasText: 'replicas: three' }).getByText('replicas').hover();
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.');
  await expect(hover).toContainText('Source: kubernetes.json');
  // Monaco fades a hover in; the screenshot shows it whole.
  await expect(hover).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test-results/schema-hover.png' });

  await page.getByTestId('manifest-editor').locator('.view-line', { hasText: 'replicas: three' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('strat');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget.visible')).toContainText('strategy');
  await page.screenshot({ path: 'test-results/schema-completion.png' });

  expect(schemaRequests).toHaveLength(1);
  expect(problems).toEqual([]);
});
