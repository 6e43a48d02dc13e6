import { expect, test, type Page } from '@playwright/test';
import { watchProblems } from './offline';
import { readTimeline } from './helpers';

/** kubectl types a command line into the console and presses Enter, as a learner does. */
async function kubectl(page: Page, line: string): Promise<void> {
  const prompt = page.getByRole('textbox', { name: 'kubectl command' });
  await prompt.fill(line);
  await prompt.press('Enter');
}

test('kubectl console: the seed commands create, expose and list nginx, and the graph follows', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  const output = page.getByRole('log', { name: 'kubectl output' });

  await kubectl(page, 'kubectl create deployment nginx --image=nginx');
  await expect(output).toContainText('deployment.apps/nginx created');
  await kubectl(page, 'kubectl expose deployment nginx --port=80 --type=NodePort');
  await expect(output).toContainText('service/nginx exposed');

  // The graph draws what kubectl created, and the timeline narrates it as kubectl's action.
  await expect(page.locator('article[aria-label^="node "] button[aria-label^="pod nginx-"][data-status="Running"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(await readTimeline(page)).toContainText('kubectl');

  await kubectl(page, 'kubectl get pod,svc');
  await expect(output).toContainText(/pod\/nginx-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running/);
  await expect(output).toContainText(/service\/nginx +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:3\d{4}\/TCP/);
  await kubectl(page, 'kubectl get nodes');
  await expect(output).toContainText(/node-3 +Ready +<none>/);

  // Up recalls the previous command; Tab completes a verb.
  const prompt = page.getByRole('textbox', { name: 'kubectl command' });
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('kubectl get nodes');
  await prompt.fill('kubectl descr');
  await prompt.press('Tab');
  await expect(prompt).toHaveValue('kubectl describe ');

  // An unknown flag is refused as kubectl refuses it.
  await kubectl(page, 'kubectl get pods --foo');
  await expect(output).toContainText('error: unknown flag: --foo');

  // -w streams rows until Ctrl+C.
  await kubectl(page, 'kubectl get deploy nginx -w');
  await expect(page.getByText('(Ctrl+C to stop)')).toBeVisible();
  await expect(output).toContainText(/nginx +1\/1 +1 +1/);
  await prompt.press('Control+c');
  await expect(output).toContainText('^C');
  await kubectl(page, 'kubectl scale deployment nginx --replicas=2');
  await expect(output).toContainText('deployment.apps/nginx scaled');
  await expect(page.locator('article[aria-label^="node "] button[aria-label^="pod nginx-"]')).toHaveCount(2, { timeout: 30_000 });
  // rollout status follows the rollout and gives the prompt back once it is through.
  await kubectl(page, 'kubectl rollout status deployment/nginx');
  await expect(output).toContainText('deployment "nginx" successfully rolled out', { timeout: 30_000 });
  await expect(page.getByText('(Ctrl+C to stop)')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/kubectl-console.png' });
  expect(problems).toEqual([]);
});
