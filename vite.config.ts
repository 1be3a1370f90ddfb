import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    target: 'chrome116',
    // Keep file names readable in dist/ for reviewing what ships; sizes are measured by `npm run bench`.
    minify: true,
    sourcemap: false,
    emptyOutDir: true,
  },
  server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
});
