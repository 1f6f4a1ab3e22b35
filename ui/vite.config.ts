/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The preview iframe links the very stylesheet export embeds (crates/newsroom/src/export/templates),
// which lives outside ui/: the dev server must be allowed to read it.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const uiRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // Relative asset URLs: the bundle works whatever origin the Tauri shell serves it from.
  base: './',
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [uiRoot, `${repoRoot}crates/newsroom/src/export/templates`] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URIs: the shell's CSP is script-src 'self'.
    assetsInlineLimit: 0,
    // CodeMirror's view and state alone are ~210 kB; the whole editor bundle is ~462 kB (150 kB gzip),
    // loaded once from disk. The photo library, the export, sites and publish dialogs, the web edit
    // view and the article's publications are split off (dynamic import); the Details tab's desk
    // fields (kicker, SEO and social headlines, planned length, embargo) are on the first screen, and
    // @codemirror/lint's tooltip code lands in @codemirror/view's chunk (488 kB); issue 12 cuts it.
    chunkSizeWarningLimit: 490,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        preview: fileURLToPath(new URL('preview.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    // happy-dom does not load iframe pages; the preview's frame is exercised in the real app.
    onConsoleLog: (log) => !log.includes('Iframe page loading is disabled'),
  },
});
