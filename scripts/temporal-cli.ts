// Finds the `temporal` CLI (dev server and Web UI in one binary) or builds the version pinned in
// temporal-dev.yml from the Go module proxy. Used by `.ci/run`, `npm start`, the tests and the benchmark.
// Order: $TEMPORAL_CLI_PATH, then `temporal` on PATH, then the per-user cache.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { userCacheDir } from './lib/paths';
import { loadTemporalDevConfig } from './lib/temporal-dev-config';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

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
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) throw new Error(NO_GO_MESSAGE(version));
  const target = cachedCliPath(version);
  const staging = `${target}.building-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const started = Date.now();
  console.log(`Building the Temporal CLI v${version} from the Go module proxy (first time only; it takes a few minutes)...`);
  // -v prints each package as it compiles, which is the progress we show.
  const child = spawn('go', ['install', '-v', `github.com/temporalio/cli/cmd/temporal@v${version}`], {
    env: { ...process.env, GOBIN: staging, GOFLAGS: process.env.GOFLAGS ?? '-buildvcs=false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let downloaded = 0;
  let compiled = 0;
  let lastError = '';
  const report = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`  ... ${seconds}s: ${downloaded} modules downloaded, ${compiled} packages compiled`);
  }, 15_000);
  const onLine = (line: string) => {
    if (line.startsWith('go: downloading')) downloaded++;
    else if (/^[\w.-]+(\/[\w.@~-]+)+$/.test(line)) compiled++;
    else if (line.trim()) lastError = `${lastError}\n${line}`.slice(-4000);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
  const code: number = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  clearInterval(report);
  if (code !== 0) throw new Error(`Building the Temporal CLI v${version} failed (exit ${code}):${lastError}`);
  renameSync(join(staging, 'temporal'), target);
  console.log(`Built the Temporal CLI v${version} in ${Math.round((Date.now() - started) / 1000)}s: ${target}`);
  return target;
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
