import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { LogLevel } from '../../shared/schemas/logs';

/** The Logs tab of a connected host: the container picker, the toolbars and the virtualised list. */
export class LogsView {
  readonly root: Locator;
  readonly sources: Locator;
  readonly list: Locator;
  /** Rendered line rows (the list is virtualised: only rows near the viewport exist). */
  readonly lines: Locator;
  readonly marks: Locator;
  readonly filter: Locator;
  readonly filterError: Locator;
  readonly follow: Locator;
  readonly status: Locator;
  /** "Showing 12:01–12:07 around the check at … · Follow live". */
  readonly window: Locator;
  readonly jump: Locator;
  readonly footer: Locator;
  readonly empty: Locator;
  readonly range: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('logs-view');
    this.sources = this.root.getByTestId('log-sources');
    this.list = this.root.getByTestId('log-list');
    this.lines = this.list.getByTestId('log-line');
    this.marks = this.list.getByTestId('log-mark');
    this.filter = this.root.getByRole('textbox', { name: 'Filter lines' });
    this.filterError = this.root.getByTestId('log-filter-error');
    this.follow = this.root.getByTestId('log-follow');
    this.status = this.root.getByTestId('log-status');
    this.window = this.root.getByTestId('log-window');
    this.jump = this.root.getByTestId('log-jump');
    this.footer = this.root.getByTestId('log-footer');
    this.empty = this.root.getByTestId('log-empty');
    this.range = this.root.getByRole('combobox', { name: 'Time range' });
  }

  /** Switches the connected host to the Logs tab. */
  async open(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Host views' }).getByRole('tab', { name: 'Logs' }).click();
    await expect(this.root).toBeVisible();
  }

  /** A container's checkbox in the picker, by container name. */
  source(containerName: string): Locator {
    return this.sources.getByRole('checkbox', { name: containerName, exact: true });
  }

  /** Ticks containers in the picker (each tick re-opens the merged stream). */
  async pick(...containerNames: string[]): Promise<void> {
    for (const name of containerNames) await this.source(name).check();
  }

  /** The texts of the rendered line rows, top to bottom. */
  async texts(): Promise<string[]> {
    return this.lines.getByTestId('log-text').allTextContents();
  }

  /** The container names of the rendered line rows, top to bottom. */
  async containersOfLines(): Promise<string[]> {
    return this.lines.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-container') ?? ''));
  }

  level(level: LogLevel): Locator {
    return this.root.locator(`[data-testid="log-level"][data-level="${level}"]`);
  }

  /** The `.*` toggle of the filter box. */
  get regexToggle(): Locator {
    return this.root.getByTitle('Regular expression');
  }

  /** Clicks Export and returns the downloaded file's name and text. */
  async export(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.root.getByRole('button', { name: 'Export' }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Scrolls the list to its top, as a user dragging the scrollbar up would. */
  async scrollToTop(): Promise<void> {
    await this.list.hover();
    await this.page.mouse.wheel(0, -100_000);
  }
}
