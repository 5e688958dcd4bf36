import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * Puts the CSP in a meta tag of the production bundle, so it holds wherever the bundle is
 * loaded: from disk in Electron, or over http in the Playwright harness. Dev mode is left
 * without it because Vite's dev client needs inline scripts.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'hangar-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}
