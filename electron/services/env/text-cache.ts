/**
 * Texts Hangar has shown, by etag: when a save finds the file changed, the text the user
 * started from is still here for the three-way view. Bounded (least recently used goes first);
 * lives in the main process only, like the secrets inside it.
 */
export interface TextCache {
  remember(etag: string, text: string): void;
  get(etag: string): string | undefined;
}

/** A cache of `limit` texts (default 64: a few deployments' files and their recent versions). */
export function createTextCache(limit = 64): TextCache {
  const entries = new Map<string, string>();
  return {
    remember(etag, text) {
      entries.delete(etag);
      entries.set(etag, text);
      while (entries.size > limit) entries.delete(entries.keys().next().value as string);
    },
    get(etag) {
      const text = entries.get(etag);
      if (text !== undefined) {
        entries.delete(etag);
        entries.set(etag, text);
      }
      return text;
    },
  };
}
