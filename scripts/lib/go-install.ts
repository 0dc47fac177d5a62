// `go install` of a pinned Go program into the per-user cache, with progress on the console. The
// Temporal CLI (scripts/temporal-cli.ts) and the cluster's binaries (scripts/temporal-cluster-binaries.ts)
// are built this way from the Go module proxy, once per machine.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

export interface GoProgram {
  /** What the console calls it, e.g. "the Temporal CLI v1.5.1". */
  label: string;
  /** The package and version to install, e.g. github.com/temporalio/cli/cmd/temporal@v1.5.1. */
  pkg: string;
  /** The name `go install` gives the binary: the last element of the package path. */
  builtName: string;
  /** Where the binary ends up. */
  target: string;
}

/**
 * Builds `program` and moves it to its target. Each build gets its own GOBIN: two programs whose main
 * packages share a name (Temporal's server and the UI server are both `server`) would otherwise
 * overwrite each other.
 */
export async function goInstall(program: GoProgram): Promise<string> {
  const staging = `${program.target}.building-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const started = Date.now();
  console.log(`Building ${program.label} from the Go module proxy (first time only; it can take a few minutes)...`);
  // -v prints each package as it compiles, which is the progress we show.
  const child = spawn('go', ['install', '-v', program.pkg], {
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
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Building ${program.label} failed (exit ${code}):${lastError}`);
  }
  mkdirSync(dirname(program.target), { recursive: true });
  renameSync(join(staging, program.builtName), program.target);
  rmSync(staging, { recursive: true, force: true });
  console.log(`Built ${program.label} in ${Math.round((Date.now() - started) / 1000)}s: ${program.target}`);
  return program.target;
}
