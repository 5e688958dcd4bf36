import type { Locator, Page } from '@playwright/test';

/** The selected host's containers, grouped by compose project. */
export class ContainersView {
  readonly root: Locator;
  readonly groups: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('containers-view');
    this.groups = this.root.getByTestId('container-group');
  }

  /** Switches the connected host to the Containers tab (the Overview tab opens first). */
  async open(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Host views' }).getByRole('tab', { name: 'Containers' }).click();
  }

  /** The section of one compose project (`null` for containers outside any project). */
  group(project: string | null): Locator {
    return this.root.locator(`[data-testid="container-group"][data-project="${project ?? ''}"]`);
  }

  row(group: Locator, containerName: string): Locator {
    return group.locator(`[data-testid="container-row"][data-container="${containerName}"]`);
  }

  async refreshWithShortcut(): Promise<void> {
    await this.page.locator('body').click({ position: { x: 1, y: 1 } });
    await this.page.keyboard.press('r');
  }
}
