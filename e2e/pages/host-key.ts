import type { Locator, Page } from '@playwright/test';

/** The trust-on-first-use question for an unknown host key. */
export class HostKeyPrompt {
  readonly root: Locator;
  readonly fingerprint: Locator;
  readonly keygenHint: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog').filter({ has: page.getByTestId('host-key-fingerprint') });
    this.fingerprint = this.root.getByTestId('host-key-fingerprint');
    this.keygenHint = this.root.locator('.hint-box-command');
  }

  async trust(): Promise<void> {
    await this.root.getByRole('button', { name: 'Trust and connect' }).click();
  }

  async reject(): Promise<void> {
    await this.root.getByRole('button', { name: 'Don’t trust' }).click();
  }
}

/** The hard stop shown when a host presents a different key than the trusted one. */
export class HostKeyRefusal {
  readonly root: Locator;
  readonly previousFingerprint: Locator;
  readonly presentedFingerprint: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('host-key-changed');
    this.previousFingerprint = this.root.getByTestId('previous-fingerprint');
    this.presentedFingerprint = this.root.getByTestId('presented-fingerprint');
  }

  /** The deliberate two-step replace: open the confirmation, tick the check, confirm. */
  async replaceKey(): Promise<void> {
    await this.root.getByRole('button', { name: 'Replace key…' }).click();
    await this.root.getByRole('checkbox').check();
    await this.root.getByRole('button', { name: 'Replace key and connect' }).click();
  }
}
