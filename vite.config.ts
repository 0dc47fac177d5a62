import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { bundleSizeBudget } from './scripts/report-bundle-size.js';

export default defineConfig({
  root: 'web',
  plugins: [solid(), bundleSizeBudget({ maxInitialJsGzipBytes: 60_000 })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000' } },
});
