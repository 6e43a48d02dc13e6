import type { Page } from '@playwright/test';

/**
 * watchProblems records what must never happen on the page: failed or non-local requests, page errors and
 * console errors. Tests assert the list is empty at the end.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1|data:|blob:)/.test(r.url())) problems.push(`outside request: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return problems;
}
