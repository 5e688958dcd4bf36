import { expect, type Locator, type Page } from '@playwright/test';

/** The edit-host dialog, opened from the "⋯" button next to a host in the sidebar. */
export class EditHostDialog {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /Edit host|Remove / });
  }

  async open(hostName: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Hosts' })
      .getByRole('button', { name: `Edit ${hostName}` })
      .click();
    await expect(this.root).toBeVisible();
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.root.getByRole('button', { name: 'Save' }).click();
  }

  /** Remove… then the confirmation's "Remove host". */
  async remove(): Promise<void> {
    await this.root.getByRole('button', { name: 'Remove…' }).click();
    await expect(this.root.getByTestId('remove-host-confirm')).toBeVisible();
    await this.root.getByRole('button', { name: 'Remove host' }).click();
  }
}

/** "Import from ~/.ssh/config": drafts with checkboxes and the lines Hangar did not apply. */
export class ImportSshConfigDialog {
  readonly root: Locator;
  readonly drafts: Locator;
  readonly issues: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Import from ~/.ssh/config' });
    this.drafts = this.root.getByTestId('import-draft');
    this.issues = this.root.getByTestId('ssh-config-issue');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name: 'Import from ~/.ssh/config' }).click();
    await expect(this.root).toBeVisible();
  }

  draft(alias: string): Locator {
    return this.drafts.filter({ has: this.page.getByRole('checkbox', { name: alias, exact: true }) });
  }

  async importChecked(): Promise<void> {
    await this.root.getByRole('button', { name: /^Import \d+ hosts?$/ }).click();
    await expect(this.root).toBeHidden();
  }
}
