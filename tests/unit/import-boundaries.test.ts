// The import boundaries of biome.json, checked the way `npm run lint` checks them: each probe is a file in
// the folder it speaks for, linted by Biome with the project's configuration, so a loosened rule fails
// here and not only in review. The probes live in a temporary copy of the folder layout, never in the tree.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const probes: { folder: string; from: string; allowed: boolean }[] = [
  { folder: 'web/src', from: '@temporalio/client', allowed: false },
  { folder: 'web/src', from: '../../workflows/order-workflow', allowed: false },
  { folder: 'web/src', from: '../../lib/db', allowed: false },
  { folder: 'web/src', from: '../../api/server', allowed: false },
  { folder: 'web/src', from: '../../workflows/model/order-model', allowed: true },
  { folder: 'web/src', from: '../../api/routers', allowed: true },
  { folder: 'workflows', from: '../lib/db', allowed: false },
  { folder: 'workflows', from: 'node:fs', allowed: false },
  { folder: 'workflows', from: './model/order-model', allowed: true },
  { folder: 'workflows/model', from: '@temporalio/workflow', allowed: false },
  { folder: 'workflows/model', from: '../messages', allowed: false },
  { folder: 'api', from: '../scripts/lib/ports', allowed: false },
  { folder: 'api', from: '../tests/support/fixtures', allowed: false },
  { folder: 'worker', from: '../bench/stats', allowed: false },
  { folder: 'lib', from: '../web/src/api/client', allowed: false },
  { folder: 'lib', from: '../workflows/model/money', allowed: true },
];

const biome = join(process.cwd(), 'node_modules/.bin/biome');

test('Biome refuses every import across a boundary and allows the ones the map allows', { timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  try {
    copyFileSync('biome.json', join(root, 'biome.json'));
    const files = probes.map((probe, index) => ({ ...probe, path: `${probe.folder}/probe-${index}.ts` }));
    for (const file of files) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), `import * as probed from '${file.from}';\n\nexport const used = probed;\n`);
    }
    const args = ['lint', '--vcs-enabled=false', '--reporter=json', ...files.map((file) => file.path)];
    // Biome exits non-zero when it refuses an import; the report is on stdout either way.
    const { stdout } = await promisify(execFile)(biome, args, { cwd: root }).catch((error: { stdout: string }) => ({
      stdout: error.stdout,
    }));
    const report = JSON.parse(stdout) as { diagnostics: { category: string; location: { path: string } }[] };
    const refused = new Set(report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedImports').map((d) => d.location.path));
    expect(files.map((file) => ({ folder: file.folder, from: file.from, allowed: !refused.has(file.path) }))).toEqual(probes);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
