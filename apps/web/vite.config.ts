import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite defines __dirname for its config file; the paths below hold however it is invoked
// (`npm run build` runs it from the repository root).
const ROOT = resolve(__dirname, '..', '..');
const API = 'http://127.0.0.1:3000';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  resolve: {
    // The one library the browser may use: pure code (formatting, checks) shared with the API.
    alias: { '@haoma/domain': resolve(ROOT, 'libs/domain/src/index.ts') },
  },
  build: {
    outDir: resolve(ROOT, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Ant Design is one large chunk; it is cached for a year under its hash.
    chunkSizeWarningLimit: 1600,
  },
  // `vite --config apps/web/vite.config.ts` during development talks to `npm start`'s API.
  server: {
    proxy: { '/api': API, '/docs': API, '/health': API, '/sandbox': API },
  },
});
