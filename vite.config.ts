import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { bundleSizeBudget } from './scripts/report-bundle-size.js';

/**
 * Chromium draws the WOFF2 files of @fontsource/noto-color-emoji blank and its WOFF files correctly
 * (seen with the browser tests' Chromium 153; reported for Chrome in majodev/google-webfonts-helper#184),
 * so the app's CSS keeps only the WOFF sources.
 */
function notoColorEmojiWoffOnly(): Plugin {
  return {
    name: 'noto-color-emoji-woff-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/@fontsource/noto-color-emoji/')) return null;
      return code.replaceAll(/url\([^)]+\.woff2\) format\('woff2'\),\s*/g, '');
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [solid(), notoColorEmojiWoffOnly(), bundleSizeBudget({ maxInitialJsGzipBytes: 60_000 })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000' } },
});
