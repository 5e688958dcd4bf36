/**
 * Which URLs are "the app": the built renderer loaded from disk, or the Vite dev server in
 * development. Everything else is foreign, for navigation and for IPC sender checks.
 */
export function createAppUrlCheck(devServerUrl: string | undefined, rendererFile: string): (url: string) => boolean {
  const fileUrl = new URL(`file://${rendererFile}`).href;
  const devOrigin = devServerUrl === undefined ? undefined : new URL(devServerUrl).origin;
  return (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'file:') return `file://${parsed.pathname}` === fileUrl;
    return devOrigin !== undefined && parsed.origin === devOrigin;
  };
}
