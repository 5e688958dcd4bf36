import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import { cspMetaPlugin } from './renderer/csp-plugin';

/**
 * main and preload are bundled for Node/Electron; the sandboxed preload must be one file, so its
 * dependencies (zod, for the contract's method list) are bundled rather than required.
 */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMetaPlugin()],
    // Fonts and icons stay files: the CSP forbids data: fonts, and inlining would smuggle them in.
    build: { assetsInlineLimit: 0, rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
