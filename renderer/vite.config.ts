import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cspMetaPlugin } from './csp-plugin';

/** The renderer alone: used by the Playwright harness (production bundle in renderer/dist). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), cspMetaPlugin()],
  // assetsInlineLimit 0: Vite would inline small fonts as data: URIs, which the CSP's
  // `font-src 'self'` blocks; every asset stays a file of the bundle instead.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'chrome130', assetsInlineLimit: 0 },
});
