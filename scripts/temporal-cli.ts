// Finds the `temporal` CLI (dev server and Web UI in one binary) or builds the version pinned in
// temporal-dev.yml from the Go module proxy. Used by `.ci/run`, `npm start`, the tests and the benchmark.
// Order: $TEMPORAL_CLI_PATH, then `temporal` on PATH, then the per-user cache.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goInstall, hasGo, isExecutable } from './lib/go-install';
import { userCacheDir } from './lib/paths';
import { loadTemporalDevConfig } from './lib/temporal-dev-config';

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function cachedCliPath(version: string): string {
  return join(userCacheDir, 'temporal-cli', version, 'temporal');
}

/** Returns the path of a usable `temporal` binary without building one, or undefined. */
export function findTemporalCli(version = loadTemporalDevConfig().cli.version): string | undefined {
  const override = process.env.TEMPORAL_CLI_PATH;
  if (override) {
    if (!isExecutable(override)) throw new Error(`TEMPORAL_CLI_PATH=${override} is not an executable file.`);
    return override;
  }
  const cached = cachedCliPath(version);
  return findOnPath('temporal') ?? (isExecutable(cached) ? cached : undefined);
}

const NO_GO_MESSAGE = (version: string) => `The Temporal CLI was not found and Go is not installed, so it cannot be built.
Next steps, any one of:
  - install Go (https://go.dev/dl/ or 'apt-get install golang'), then run 'npm run temporal:install';
  - put a 'temporal' binary (version ${version}) on PATH, or set TEMPORAL_CLI_PATH to it;
  - run against an existing Temporal server by setting TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE).`;

/** Builds the pinned CLI with `go install`, printing progress, and returns its path. */
export async function buildTemporalCli(version: string): Promise<string> {
  if (!hasGo()) throw new Error(NO_GO_MESSAGE(version));
  return goInstall({
    label: `the Temporal CLI v${version}`,
    pkg: `github.com/temporalio/cli/cmd/temporal@v${version}`,
    builtName: 'temporal',
    target: cachedCliPath(version),
  });
}

/** Finds the CLI or builds it. */
export async function ensureTemporalCli(): Promise<string> {
  const { version } = loadTemporalDevConfig().cli;
  return findTemporalCli(version) ?? (await buildTemporalCli(version));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureTemporalCli().then(
    (path) => {
      console.log(`Temporal CLI: ${path}`);
      if (!existsSync(path)) process.exit(1);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
