import { app, BrowserWindow, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { contract } from '../../shared/ipc/contract';
import { createServices } from '../app/create-services';
import { createHandlers } from '../rpc/handlers';
import { createRouter } from '../rpc/router';
import { createAppUrlCheck } from './app-url';
import { registerIpc } from './ipc-adapter';
import { createElectronPlatform } from './platform';
import { hardenSession } from './security';
import { createMainWindow } from './window';

/**
 * Electron glue only: one instance, one hardened window, IPC onto the router. Everything the app
 * does is in services, built by `createServices` exactly as the tests and the CLI build them.
 */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | undefined;
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
  const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
  const isAppUrl = createAppUrlCheck(devServerUrl, rendererFile);
  const trustedContents = new Set<number>();

  app.on('second-instance', () => {
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const services = createServices({ platform: createElectronPlatform(() => window) });
    const router = createRouter({ contract, handlers: createHandlers(services) });
    registerIpc({ router, trustedContents, isAppUrl });

    const open = (): void => {
      window = createMainWindow({ preloadPath, rendererFile, devServerUrl, isAppUrl });
      const id = window.webContents.id;
      trustedContents.add(id);
      window.on('closed', () => {
        trustedContents.delete(id);
        window = undefined;
      });
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    app.on('before-quit', () => services.dispose());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
