/**
 * What only the desktop shell can do, behind an interface so that services run (and are tested)
 * in plain Node. Electron implements it with app.getPath/safeStorage/shell/dialog; the CLI and
 * tests use `createNodePlatform`.
 */
export interface PlatformPort {
  /** Directory for Hangar's own files (hosts.json, trusted host keys, remembered passphrases). */
  userDataDir(): string;
  /** The user's home directory, for `~` in paths and ~/.ssh. */
  homeDir(): string;
  /** OS-keychain-backed encryption; when unavailable, secrets are simply not remembered. */
  readonly secrets: SecretBox;
  /** Opens an http(s) URL in the user's browser (callers validate the URL first). */
  openExternal(url: string): Promise<void>;
  /** Native file picker; absent where there is no UI (CLI, tests). */
  chooseFile?(options: { title: string; defaultPath?: string }): Promise<string | null>;
}

/**
 * Encrypts small secrets with a key the OS keeps (Electron safeStorage: Keychain, DPAPI,
 * libsecret). Invariant: plaintext never touches disk; callers store only `encrypt()` output.
 */
export interface SecretBox {
  isAvailable(): boolean;
  /** Throws when unavailable; check `isAvailable()` first. */
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}
