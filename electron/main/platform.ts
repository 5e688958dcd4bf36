import { app, dialog, safeStorage, shell, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/ipc/errors';
import type { PlatformPort } from '../services/platform/platform-port';

/**
 * PlatformPort on Electron: the OS keychain through safeStorage, app paths, the user's browser
 * for http(s) links only (parsed first, never `file:` or custom schemes), and native dialogs.
 */
export function createElectronPlatform(getWindow: () => BrowserWindow | undefined): PlatformPort {
  return {
    userDataDir: () => app.getPath('userData'),
    homeDir: () => app.getPath('home'),
    secrets: {
      isAvailable: () => safeStorage.isEncryptionAvailable(),
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (encrypted) => safeStorage.decryptString(encrypted),
    },
    async openExternal(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new AppError('INVALID_INPUT', `Not a link Hangar can open: ${url}`);
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new AppError('INVALID_INPUT', `Hangar only opens http and https links, not ${parsed.protocol}`);
      }
      await shell.openExternal(parsed.href);
    },
    async chooseFile({ title, defaultPath }) {
      const window = getWindow();
      const options = { title, defaultPath, properties: ['openFile' as const, 'showHiddenFiles' as const] };
      const result = window === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
