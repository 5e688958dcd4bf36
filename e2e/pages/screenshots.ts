import type { Locator, Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where review screenshots go (git-ignored); named `<name>-<light|dark>.png`. */
export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/**
 * Saves the page in both themes by emulating prefers-color-scheme (the app follows it by
 * default), so the pair shows exactly what users of either OS setting get. Animations are frozen
 * and fonts awaited, so the pictures are stable enough to review side by side.
 */
export async function captureBothThemes(page: Page, name: string, options: { mask?: Locator[] } = {}): Promise<string[]> {
  await mkdir(screenshotDir, { recursive: true });
  const paths: string[] = [];
  await page.mouse.move(0, page.viewportSize()?.height ?? 0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate('document.fonts.ready.then(() => true)');
    const path = join(screenshotDir, `${name}-${scheme}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide', mask: options.mask });
    paths.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return paths;
}
