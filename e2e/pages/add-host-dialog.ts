import type { Locator, Page } from '@playwright/test';

/** What the add-host form asks for; `keyPath` switches authentication to "Key file". */
export interface HostFormInput {
  address: string;
  port?: number;
  user: string;
  name?: string;
  keyPath?: string;
}

/** The "Add host" dialog, opened from the sidebar button or with Ctrl/Cmd+N. */
export class AddHostDialog {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Add host' });
  }

  async openWithButton(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hosts' }).getByRole('button', { name: 'Add host' }).first().click();
  }

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+n');
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async fill(input: HostFormInput): Promise<void> {
    await this.field('Address').fill(input.address);
    await this.field('Port').fill(String(input.port ?? 22));
    await this.field('User').fill(input.user);
    if (input.name !== undefined) await this.field('Name').fill(input.name);
    if (input.keyPath !== undefined) {
      await this.root.getByText('Key file', { exact: true }).click();
      await this.field('Private key file').fill(input.keyPath);
    }
  }

  async submit(): Promise<void> {
    await this.root.getByRole('button', { name: 'Add and connect' }).click();
  }

  /** Opens the dialog, fills it and saves: the host is then selected and starts connecting. */
  async addHost(input: HostFormInput): Promise<void> {
    await this.openWithShortcut();
    await this.fill(input);
    await this.submit();
  }
}
