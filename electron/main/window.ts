import { BrowserWindow, nativeTheme } from 'electron';
import { lockNavigation, secureWebPreferences } from './security';

export interface WindowOptions {
  preloadPath: string;
  rendererFile: string;
  devServerUrl: string | undefined;
  isAppUrl: (url: string) => boolean;
}

/** The one Hangar window, created hidden and shown when painted so there is no white flash. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Hangar',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111214' : '#f7f7f8',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  lockNavigation(window.webContents, options.isAppUrl);
  window.once('ready-to-show', () => window.show());
  if (options.devServerUrl !== undefined) void window.loadURL(options.devServerUrl);
  else void window.loadFile(options.rendererFile);
  return window;
}
