import { crx } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  plugins: [react(), crx({ manifest })],
  define: { __STATUS_LENS_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps would ship absolute local paths in the store zip.
    sourcemap: false,
    rollupOptions: {
      // crxjs only builds pages the manifest names; the panel page is opened from code
      // (chrome.devtools.panels.create), so it must be listed here or it is missing from dist/.
      input: {
        panel: 'src/surfaces/panel/panel.html',
      },
    },
  },
  worker: { format: 'es' },
});
