import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The "Environment" view of a connected host: the deployment's env files as a form, the
 * findings rail, the save dialog, the three-way conflict view, the apply panel and history.
 */
export class EnvEditor {
  readonly root: Locator;
  readonly findings: Locator;
  readonly review: Locator;
  readonly conflict: Locator;
  readonly applyPanel: Locator;
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('env-view');
    this.findings = this.root.getByTestId('findings');
    this.review = page.getByRole('dialog', { name: 'Review changes' });
    this.conflict = page.getByRole('dialog', { name: 'The file changed on the server' });
    this.applyPanel = this.root.getByTestId('apply-panel');
    this.history = this.root.getByTestId('history-view');
  }

  /** Opens the view with its tab in the host header. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Environment' }).click();
    await expect(this.root).toBeVisible();
  }

  /** The row of one key (label, input, notes). */
  field(key: string): Locator {
    return this.root.locator(`[data-testid="env-field"][data-key="${key}"]`);
  }

  input(key: string): Locator {
    return this.field(key).getByLabel(key, { exact: true });
  }

  finding(ruleId: string): Locator {
    return this.findings.locator(`[data-testid="finding"][data-rule="${ruleId}"]`);
  }

  async mode(name: 'Form' | 'Text' | 'History'): Promise<void> {
    await this.root.getByRole('tablist', { name: 'Editor view' }).getByRole('tab', { name }).click();
  }

  /** Ctrl/⌘+S: the review dialog with the diff. */
  async saveWithShortcut(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
    await expect(this.review).toBeVisible();
    await expect(this.review.getByTestId('diff').first()).toBeVisible();
  }

  /** Changed lines of the review's diff as `+ line` / `- line`. */
  async diffChanges(): Promise<string[]> {
    const lines = this.review.locator('.env-diff-line:not([data-op="same"])');
    return await lines.evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-op') === 'add' ? '+' : '-'} ${el.querySelector('.env-diff-text')?.textContent ?? ''}`),
    );
  }

  async confirmSave(): Promise<void> {
    await this.review.getByRole('button', { name: 'Save', exact: true }).click();
  }

  backupRows(): Locator {
    return this.history.getByTestId('backup-row').filter({ hasNot: this.page.getByText('Current file') });
  }
}
