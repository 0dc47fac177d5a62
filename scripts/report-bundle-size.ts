// A Vite plugin that reports, after every build, how much JavaScript a buyer page loads before it can
// run (the entry chunk and everything it imports statically), gzipped, and fails the build above the
// budget. Chunks loaded on demand (the seller dashboard) do not count.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface OutputChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

type OutputLike = OutputChunkLike | { type: 'asset'; fileName: string; source: string | Uint8Array };

export interface BundleSize {
  initialJsFiles: string[];
  initialJsGzipBytes: number;
  lazyJsGzipBytes: number;
  cssGzipBytes: number;
}

export function measureBundle(bundle: Record<string, OutputLike>): BundleSize {
  const chunks = Object.values(bundle).filter((output): output is OutputChunkLike => output.type === 'chunk');
  const initial = new Set<string>();
  const visit = (fileName: string) => {
    if (initial.has(fileName)) return;
    initial.add(fileName);
    for (const imported of (bundle[fileName] as OutputChunkLike | undefined)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.filter((candidate) => candidate.isEntry)) visit(chunk.fileName);
  const gzipped = (content: string | Uint8Array) => gzipSync(content).length;
  const sum = (outputs: OutputLike[]) =>
    outputs.reduce((total, output) => total + gzipped(output.type === 'chunk' ? output.code : output.source), 0);
  return {
    initialJsFiles: [...initial],
    initialJsGzipBytes: sum(chunks.filter((chunk) => initial.has(chunk.fileName))),
    lazyJsGzipBytes: sum(chunks.filter((chunk) => !initial.has(chunk.fileName))),
    cssGzipBytes: sum(Object.values(bundle).filter((output) => output.type === 'asset' && output.fileName.endsWith('.css'))),
  };
}

/** Kilobytes of 1,000 bytes, as Vite reports them. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function bundleSizeBudget(options: { maxInitialJsGzipBytes: number }): Plugin {
  return {
    name: 'bundle-size-budget',
    apply: 'build',
    generateBundle(_outputOptions, bundle) {
      const size = measureBundle(bundle as unknown as Record<string, OutputLike>);
      const budget = options.maxInitialJsGzipBytes;
      console.log(
        `\nBundle size (gzip): buyer pages' initial JS ${kb(size.initialJsGzipBytes)} of a ${kb(budget)} budget ` +
          `(${size.initialJsFiles.join(', ')}); on-demand JS ${kb(size.lazyJsGzipBytes)}; CSS ${kb(size.cssGzipBytes)}`,
      );
      if (size.initialJsGzipBytes > budget) {
        this.error(`The buyer pages' initial JavaScript is ${kb(size.initialJsGzipBytes)} gzipped, over the ${kb(budget)} budget.`);
      }
    },
  };
}
