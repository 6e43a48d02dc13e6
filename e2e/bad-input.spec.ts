import { expect, test } from '@playwright/test';
import { watchProblems } from './offline';
import { applyWithShortcut, editorHolds, editorMarkers, pasteManifest } from './helpers';

const MIXED = `apiVersion: v1
kind: ConfigMap
metadata:
  name: good
data:
  k: v
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:
  replicas: -1
  selector:
    matchLabels:
      app: broken
  template:
    metadata:
      labels:
        app: broken
    spec:
      containers:
      - name: app
        image: nginx
---
apiVersion: v1
kind: Foo
metadata:
  name: x
`;

test('a malformed paste shows errors at their lines, still applies the valid documents, and survives a reload', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await pasteManifest(page, MIXED);
  await applyWithShortcut(page);
  const messages = page.getByRole('status', { name: 'messages' });
  await expect(messages).toContainText('configmap/good created');
  await expect(messages).toContainText('line 13, column 3: The Deployment "broken" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  await expect(messages).toContainText('no matches for kind "Foo" in version "v1"');
  await expect.poll(async () => (await editorMarkers(page)).filter((m) => m.message.includes('is invalid')).map((m) => m.startLineNumber)).toEqual([13]);
  await expect(page.getByRole('article', { name: 'node node-1' })).toBeVisible();
  await page.screenshot({ path: 'test-results/bad-input.png' });

  await page.reload();
  await expect.poll(() => editorHolds(page, MIXED), { timeout: 20_000 }).toBe(true);
  expect(problems).toEqual([]);
});
