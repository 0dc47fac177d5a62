// Finds or builds the Temporal cluster's binaries at the versions pinned in temporal-cluster.yml: the
// server (all four services), temporal-sql-tool with the PostgreSQL schemas, and the standalone Web UI.
// They are built once from the Go module proxy and cached beside the Temporal CLI in ~/.cache, so every
// clone on the machine and CI reuse them. Run directly, it builds whatever is missing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goInstall, hasGo, isExecutable } from './lib/go-install';
import { userCacheDir } from './lib/paths';
import { loadTemporalClusterConfig, type TemporalClusterConfig } from './lib/temporal-cluster-config';

export interface ClusterBinaries {
  server: string;
  sqlTool: string;
  ui: string;
  /** schema/postgresql/v12 of the server module: `temporal/` and `visibility/`, each with `versioned/`. */
  schemaDir: string;
}

export function clusterBinaryPaths(versions: TemporalClusterConfig['versions']): ClusterBinaries {
  const serverDir = join(userCacheDir, 'temporal-server', versions.server);
  return {
    server: join(serverDir, 'temporal-server'),
    sqlTool: join(serverDir, 'temporal-sql-tool'),
    schemaDir: join(serverDir, 'schema', 'postgresql', 'v12'),
    ui: join(userCacheDir, 'temporal-ui-server', versions.ui, 'ui-server'),
  };
}

const NO_GO_MESSAGE = `The Temporal cluster's binaries are not built yet and Go is not installed, so they cannot be built.
Install Go (https://go.dev/dl/ or 'apt-get install golang'), then run 'npm run cluster' again.`;

/** The schema files ship inside the server's Go module; a copy in the cache survives `go clean -modcache`. */
function copySchemas(serverVersion: string, target: string): void {
  const modCache = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
  const source = join(modCache, `go.temporal.io/server@v${serverVersion}`, 'schema', 'postgresql', 'v12');
  if (!existsSync(source)) {
    // `go install pkg@version` always leaves the module in the module cache; fetch it if it was cleaned.
    spawnSync('go', ['mod', 'download', `go.temporal.io/server@v${serverVersion}`], { stdio: 'inherit' });
  }
  const staging = `${target}.copying-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  cpSync(source, staging, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

export async function ensureClusterBinaries(config: TemporalClusterConfig = loadTemporalClusterConfig()): Promise<ClusterBinaries> {
  const { versions } = config;
  const paths = clusterBinaryPaths(versions);
  const missing = !isExecutable(paths.server) || !isExecutable(paths.sqlTool) || !isExecutable(paths.ui) || !existsSync(paths.schemaDir);
  if (missing && !hasGo()) throw new Error(NO_GO_MESSAGE);
  if (!isExecutable(paths.server)) {
    const pkg = `go.temporal.io/server/cmd/server@v${versions.server}`;
    await goInstall({ label: `Temporal Server v${versions.server}`, pkg, builtName: 'server', target: paths.server });
  }
  if (!isExecutable(paths.sqlTool)) {
    const pkg = `go.temporal.io/server/cmd/tools/sql@v${versions.server}`;
    await goInstall({ label: `temporal-sql-tool v${versions.server}`, pkg, builtName: 'sql', target: paths.sqlTool });
  }
  if (!existsSync(paths.schemaDir)) copySchemas(versions.server, paths.schemaDir);
  if (!isExecutable(paths.ui)) {
    const pkg = `github.com/temporalio/ui-server/v2/cmd/server@v${versions.ui}`;
    await goInstall({ label: `the Temporal Web UI v${versions.ui}`, pkg, builtName: 'server', target: paths.ui });
  }
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureClusterBinaries().then(
    (paths) => console.log(`Temporal cluster binaries: ${Object.values(paths).join(', ')}`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
