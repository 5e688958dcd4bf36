import { expect, type Locator, type Page } from '@playwright/test';

/** The Overview tab of a connected host: the diagram, its toolbar, legend and node panel. */
export class ArchitectureView {
  readonly root: Locator;
  readonly toolbar: Locator;
  readonly summary: Locator;
  readonly checksNote: Locator;
  readonly stale: Locator;
  readonly panel: Locator;
  readonly nodes: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('architecture-view');
    this.toolbar = this.root.getByTestId('arch-toolbar');
    this.summary = this.root.getByTestId('arch-summary');
    this.checksNote = this.root.getByTestId('arch-checks-note');
    this.stale = this.root.getByTestId('arch-stale');
    this.panel = this.root.getByTestId('arch-panel');
    this.nodes = this.root.getByTestId('arch-node');
  }

  /** Switches the host pane to the Overview through its tab. */
  async open(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Host views' }).getByRole('tab', { name: 'Overview' }).click();
    await expect(this.root).toBeVisible();
  }

  /** Shows `project` when the host runs several Plane deployments (no picker when it runs one). */
  async showDeployment(project: string): Promise<void> {
    await expect(this.toolbar).toBeVisible({ timeout: 30_000 });
    const picker = this.toolbar.getByLabel('Deployment');
    if (await picker.count()) await picker.selectOption(project);
    else await expect(this.root.getByTestId('arch-project')).toHaveText(project);
  }

  /** A node's box by its diagram id (`api`, `worker`, `db`, `edge`…). */
  node(id: string): Locator {
    return this.root.locator(`[data-testid="arch-node"][data-node="${id}"]`);
  }

  /** An edge by id (`proxy->api`); its class carries the tone (`arch-edge-pass`…). */
  edge(id: string): Locator {
    return this.root.getByTestId(`rf__edge-${id}`);
  }

  /** Asserts an edge's colour; several tones mean "any of these". */
  async expectEdgeTone(id: string, ...tones: Array<'pass' | 'warn' | 'fail' | 'neutral'>): Promise<void> {
    await expect(this.edge(id), id).toHaveClass(new RegExp(`\\barch-edge-(${tones.join('|')})\\b`));
  }

  /** "Run checks" in the toolbar, then waits until the note reports this run (not an earlier one). */
  async runChecks(): Promise<void> {
    const before = (await this.checksNote.textContent()) ?? '';
    await this.toolbar.getByRole('button', { name: 'Run checks' }).click();
    await expect(this.checksNote).not.toHaveText(before, { timeout: 60_000 });
    await expect(this.checksNote).toContainText('Checked', { timeout: 60_000 });
  }

  /** Opens a node's side panel by clicking its box. */
  async openPanel(id: string): Promise<Locator> {
    await this.node(id).click();
    await expect(this.panel).toBeVisible();
    return this.panel;
  }
}
