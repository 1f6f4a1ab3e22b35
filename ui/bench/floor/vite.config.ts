import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The editor floor's page (see floor.ts), built on its own so that nothing of it reaches the
 * app's bundle: `npx vite build -c bench/floor/vite.config.ts --outDir DIR` (scripts/bench-app.sh).
 */
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  clearScreen: false,
  build: {
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: { input: { main: here('index.html'), preview: here('preview.html') } },
  },
});
