import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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

const COMPRESSIBLE = /\.(?:html|js|css|svg|json|webmanifest|txt)$/;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes a `.gz` and a `.br` twin beside each text file of the build, compressed once at their highest
 * levels, for the API to serve to browsers that accept them (api/static-files.ts). A twin that would not
 * be smaller is left out, and fonts are left alone: WOFF is compressed already.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      if (!dir) return;
      const files = Object.keys(bundle).filter((fileName) => COMPRESSIBLE.test(fileName));
      await Promise.all(
        files.map(async (fileName) => {
          const path = join(dir, fileName);
          const source = await readFile(path);
          const twins = await Promise.all([
            gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }).then((body) => ({ ext: '.gz', body })),
            brotliAsync(source, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }).then((body) => ({ ext: '.br', body })),
          ]);
          await Promise.all(
            twins.filter(({ body }) => body.length < source.length).map(({ ext, body }) => writeFile(`${path}${ext}`, body)),
          );
        }),
      );
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [solid(), notoColorEmojiWoffOnly(), bundleSizeBudget({ maxInitialJsGzipBytes: 60_000 }), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: { proxy: { '/trpc': 'http://127.0.0.1:3000' } },
});
