/**
 * Who owns which live subscription. A window (or a test page) is an owner; when it closes or
 * reloads, `disposeOwner` aborts all its streams so no SSH channel or log follow outlives it.
 */
export class SubscriptionRegistry {
  private readonly byOwner = new Map<string, Map<string, AbortController>>();

  add(owner: string, id: string, controller: AbortController): void {
    let subs = this.byOwner.get(owner);
    if (subs === undefined) {
      subs = new Map();
      this.byOwner.set(owner, subs);
    }
    subs.get(id)?.abort();
    subs.set(id, controller);
  }

  /** Forgets a subscription that ended by itself (no abort). */
  remove(owner: string, id: string): void {
    const subs = this.byOwner.get(owner);
    subs?.delete(id);
    if (subs?.size === 0) this.byOwner.delete(owner);
  }

  cancel(owner: string, id: string): boolean {
    const controller = this.byOwner.get(owner)?.get(id);
    if (controller === undefined) return false;
    controller.abort();
    this.remove(owner, id);
    return true;
  }

  disposeOwner(owner: string): number {
    const subs = this.byOwner.get(owner);
    if (subs === undefined) return 0;
    for (const controller of subs.values()) controller.abort();
    this.byOwner.delete(owner);
    return subs.size;
  }

  count(owner?: string): number {
    if (owner !== undefined) return this.byOwner.get(owner)?.size ?? 0;
    let total = 0;
    for (const subs of this.byOwner.values()) total += subs.size;
    return total;
  }
}
