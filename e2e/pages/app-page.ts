import { expect, type Locator, type Page } from '@playwright/test';
import { AddHostDialog } from './add-host-dialog';
import { ContainersView } from './containers-view';
import { HostKeyPrompt, HostKeyRefusal } from './host-key';
import { PassphraseDialog } from './passphrase-dialog';
import type { LabSshd } from '../lab/sshd';

/** What adding a lab sshd as a host needs to know about it. */
export type LabEndpoint = Pick<LabSshd, 'host' | 'port' | 'user' | 'clientKeyPath'>;

/**
 * The Hangar window as a user sees it: the host list on the left, the selected host's pane on
 * the right. Specs talk to this, never to CSS classes, so markup can change without touching them.
 */
export class AppPage {
  readonly sidebar: Locator;
  readonly pane: Locator;
  readonly addHostDialog: AddHostDialog;
  readonly hostKeyPrompt: HostKeyPrompt;
  readonly hostKeyRefusal: HostKeyRefusal;
  readonly containers: ContainersView;
  readonly passphrase: PassphraseDialog;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Hosts' });
    this.pane = page.getByRole('main');
    this.addHostDialog = new AddHostDialog(page);
    this.hostKeyPrompt = new HostKeyPrompt(page);
    this.hostKeyRefusal = new HostKeyRefusal(page);
    this.containers = new ContainersView(page);
    this.passphrase = new PassphraseDialog(page);
  }

  /** Waits until the host list has loaded ("This computer" is always in it). */
  async waitUntilReady(): Promise<void> {
    await expect(this.hostItem('This computer')).toBeVisible();
  }

  hostItem(name: string): Locator {
    return this.sidebar.getByTestId('host-item').filter({ hasText: name });
  }

  /** The status line under a host in the list ("Connected", "Failed · Connection refused"). */
  hostStatus(name: string): Locator {
    return this.hostItem(name).locator('.conn-text');
  }

  /** Adds a lab sshd through the add-host form, with its client key; connecting starts at once. */
  async addLabHost(sshd: LabEndpoint, name = 'lab server'): Promise<void> {
    await this.addHostDialog.addHost({ address: sshd.host, port: sshd.port, user: sshd.user, name, keyPath: sshd.clientKeyPath });
  }

  /** Adds a lab sshd, trusts its key when asked, and waits until the host list says Connected. */
  async connectTrusted(sshd: LabEndpoint, name = 'lab server'): Promise<void> {
    await this.addLabHost(sshd, name);
    await this.hostKeyPrompt.trust();
    await expect(this.hostStatus(name)).toHaveText('Connected');
  }

  async openHost(name: string): Promise<void> {
    await this.hostItem(name).click();
  }

  /** The connection failure panel of the selected host. */
  get connectionFailure(): { panel: Locator; what: Locator; next: Locator } {
    const panel = this.page.getByTestId('connection-failed');
    return { panel, what: panel.getByTestId('error-what'), next: panel.getByTestId('error-next') };
  }
}
