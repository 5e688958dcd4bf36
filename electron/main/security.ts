import type { BrowserWindowConstructorOptions, IpcMainEvent, IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * The renderer is untrusted (ARCHITECTURE §3). These are the only settings under which Hangar
 * opens a window; the Electron smoke spec asserts them on the running app.
 */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Adds the CSP header to every response of the app's own pages, and denies every permission. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] },
    });
  });
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * No navigation away from the app and no new windows: links the UI wants opened go through
 * `PlatformPort.openExternal`, which parses and allow-lists the URL first.
 */
export function lockNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Every IPC message is checked against the window we created and the URL we loaded. A message
 * from any other frame or origin is dropped before its payload is parsed.
 */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, trusted: ReadonlySet<number>, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!trusted.has(event.sender.id)) return false;
  return isAppUrl(frame.url);
}
