import { expect, type FrameLocator, type Page } from '@playwright/test';
import { EXAMPLES } from '../src/ui/editor/examples';

interface MonacoWindow {
  __monaco?: { editor: { getModels(): Array<{ getValue(): string }>; getModelMarkers(filter: object): Array<{ message: string; startLineNumber: number }> } };
}

/** editorFrame is the manifest editor: it runs in a sandboxed iframe of its own (ManifestEditorFrame). */
export function editorFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="manifest editor"]');
}

/** editorWindow is the editor's frame, whose window exposes Monaco to tests; undefined until it loads. */
function editorWindow(page: Page) {
  return page.frames().find((f) => /\/editor\.html(#|$)/.test(f.url()));
}

/** editorHolds: whether one of the editor's files has exactly this text. */
export async function editorHolds(page: Page, text: string): Promise<boolean> {
  return (await editorWindow(page)?.evaluate((t) => (window as MonacoWindow).__monaco?.editor.getModels().some((m) => m.getValue() === t) ?? false, text)) ?? false;
}

/** pasteManifest puts YAML into the editor as a teacher does: a real clipboard paste (typing would re-indent it). */
export async function pasteManifest(page: Page, yaml: string): Promise<void> {
  const editor = editorFrame(page).getByTestId('manifest-editor').locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), yaml);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorHolds(page, yaml)).toBe(true);
}

/** applyWithShortcut presses Ctrl/Cmd+Enter in the editor. */
export async function applyWithShortcut(page: Page): Promise<void> {
  await editorFrame(page).getByTestId('manifest-editor').locator('.monaco-editor textarea').focus();
  await page.keyboard.press('ControlOrMeta+Enter');
}

/** editorMarkers lists the editor's current problem markers. */
export async function editorMarkers(page: Page): Promise<Array<{ message: string; startLineNumber: number }>> {
  return (await editorWindow(page)?.evaluate(() => (window as MonacoWindow).__monaco?.editor.getModelMarkers({}) ?? [])) ?? [];
}

/** setSpeed picks a speed in the time controls. */
export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.getByRole('combobox', { name: 'speed' }).selectOption(String(speed));
}

/** podsOn is the list of pod chips drawn inside a node's box. */
export function podsOn(page: Page, node: string) {
  return page.getByRole('article', { name: `node ${node}` }).getByRole('button', { name: /^pod / });
}

/** The editor's first example: Deployment web, 3 nginx:1.14.2 replicas, maxSurge 1, maxUnavailable 0. */
export const WEB_DEPLOYMENT = EXAMPLES[0].text;

/**
 * readTimeline scrolls the timeline back from its newest entries, as a user reading what happened does: while it
 * follows the newest, only the entries in view are in the page.
 */
export async function readTimeline(page: Page) {
  const timeline = page.getByRole('region', { name: 'timeline' });
  await timeline.getByRole('list').hover();
  await page.mouse.wheel(0, -5000);
  return timeline;
}
