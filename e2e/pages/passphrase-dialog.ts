import type { Locator, Page } from '@playwright/test';

/** The "Unlock SSH key" dialog asked for an encrypted key file. */
export class PassphraseDialog {
  readonly root: Locator;
  readonly attempt: Locator;
  readonly remember: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog', { name: 'Unlock SSH key' });
    this.attempt = this.root.getByTestId('passphrase-attempt');
    this.remember = this.root.getByRole('checkbox', { name: 'Remember in the system keychain' });
  }

  async unlock(passphrase: string): Promise<void> {
    await this.root.getByLabel(/Passphrase for/).fill(passphrase);
    await this.root.getByRole('button', { name: 'Unlock' }).click();
  }
}
