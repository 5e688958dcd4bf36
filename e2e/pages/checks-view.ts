import { expect, type Locator, type Page } from '@playwright/test';

/** The Checks tab of a connected host: the target form, the summary line and the findings. */
export class ChecksView {
  readonly root: Locator;
  readonly summary: Locator;
  readonly source: Locator;
  readonly findings: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('checks-view');
    this.summary = this.root.getByTestId('checks-summary');
    this.source = this.root.getByTestId('checks-source');
    this.findings = this.root.getByTestId('finding');
  }

  /** Switches the host pane to Checks through its tab. */
  async open(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Host views' }).getByRole('tab', { name: 'Checks' }).click();
    await expect(this.root).toBeVisible();
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: false }).first();
  }

  /** Runs the checks with Ctrl/⌘+Enter and waits for the summary of the new report. */
  async runWithShortcut(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Enter');
    await this.waitForReport();
  }

  async runWithButton(): Promise<void> {
    await this.root.getByRole('button', { name: /Check deployment/ }).click();
    await this.waitForReport();
  }

  private async waitForReport(): Promise<void> {
    await expect(this.summary)
      .toContainText('Checking', { timeout: 5_000 })
      .catch(() => undefined);
    await expect(this.summary).toContainText('passed', { timeout: 30_000 });
  }

  /** One finding row by its stable id (`cors.preflight.single-origin`). */
  finding(id: string): Locator {
    return this.root.locator(`[data-testid="finding"][data-finding-id="${id}"]`);
  }

  /** Opens a finding's details (explanation, browser error, fix, evidence) if closed. */
  async expand(id: string): Promise<Locator> {
    const row = this.finding(id);
    const head = row.getByRole('button', { expanded: false });
    if (await head.count()) await head.first().click();
    await expect(row.getByTestId('finding-details')).toBeVisible();
    return row;
  }
}
