// The idle phase: starts the whole stack the way `npm start` does (the same npm script, on free ports,
// with its data in a fresh folder), waits until it is ready and has settled, and reads the resident
// memory of every process in its tree. It runs twice: a first start, which creates the databases, and a
// restart on the data the first one left.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { type ManagedChild, spawnManaged } from '../scripts/lib/child-process';
import { repoRoot } from '../scripts/lib/paths';
import { freePorts } from '../scripts/lib/ports';
import { loadTemporalDevConfig } from '../scripts/lib/temporal-dev-config';
import { descendantsAndSelf } from './process-stats';

interface ProcessMemory {
  pid: number;
  /** What the process is, from its command line: launcher, worker, api, database, temporal, … */
  role: string;
  rssMiB: number;
  /** Proportional set size: shared pages (the node binary, libraries) split between their users. */
  pssMiB: number;
  command: string;
}

export interface IdleStart {
  /** "first start" creates the databases; "restart" reopens them. */
  start: 'first start' | 'restart';
  /** Sum of the RSS of every process: the goal's figure. Pages shared between processes count once per process. */
  totalMiB: number;
  /** Sum of the PSS of every process: what the tree really holds. */
  totalPssMiB: number;
  byRole: Record<string, number>;
  processes: ProcessMemory[];
}

const READY_TEXT = 'Order service is running';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Names a process by its command line, so the report says which part of the stack holds the memory. */
function roleOf(command: string): string {
  const rules: [RegExp, string][] = [
    [/temporal server start-dev/, 'temporal'],
    [/worker\/main|worker\.mjs/, 'worker'],
    [/api\/main|api\.mjs/, 'api'],
    [/embedded-db-server/, 'database'],
    [/scripts\/start|dist\/launcher/, 'launcher'],
    [/esbuild/, 'esbuild'],
    [/process\.kill\(group|kill -0|^sleep \d+$/, 'watchdog'],
    [/^npm|npm-cli|\/npm /, 'npm'],
    [/tsx\/dist\/cli|\.bin\/tsx/, 'tsx cli'],
  ];
  return rules.find(([pattern]) => pattern.test(command))?.[1] ?? 'other';
}

/** Every process under `rootPid`, itself included, with its resident set. */
function processTree(rootPid: number): ProcessMemory[] {
  const pids = descendantsAndSelf(rootPid);
  return pids.flatMap((pid) => {
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '');
    const pss = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '');
    const command = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
    if (!rss || !command) return [];
    return [
      {
        pid,
        role: roleOf(command),
        rssMiB: Math.round(Number(rss[1]) / 1024),
        pssMiB: Math.round(Number(pss?.[1] ?? 0) / 1024),
        command: command.slice(0, 160),
      },
    ];
  });
}

function summarise(start: IdleStart['start'], processes: ProcessMemory[]): IdleStart {
  const byRole: Record<string, number> = {};
  for (const one of processes) byRole[one.role] = (byRole[one.role] ?? 0) + one.rssMiB;
  const sum = (key: 'rssMiB' | 'pssMiB') => processes.reduce((total, one) => total + one[key], 0);
  return { start, totalMiB: sum('rssMiB'), totalPssMiB: sum('pssMiB'), byRole, processes };
}

/**
 * A copy of temporal-dev.yml with free ports and the dev server's database inside `runDir`, which must
 * lie inside the repository (the config names its database relative to the repository root).
 */
async function privateTemporalConfig(runDir: string): Promise<string> {
  const config = loadTemporalDevConfig();
  const [grpcPort, uiPort, httpPort, metricsPort] = await freePorts(4);
  const copy = {
    ...config,
    server: {
      ...config.server,
      grpcPort,
      uiPort,
      httpPort,
      metricsPort,
      dbFile: relative(repoRoot, join(runDir, 'temporal', 'dev.sqlite')),
    },
  };
  const path = join(runDir, 'temporal-dev.yml');
  writeFileSync(path, stringify(copy));
  return path;
}

async function startOnce(env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<ManagedChild> {
  const child = spawnManaged('npm start', 'npm', ['start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    writeFileSync(logFile, output);
  };
  child.process.stdout!.on('data', collect);
  child.process.stderr!.on('data', collect);
  const deadline = Date.now() + timeoutMs;
  while (!output.includes(READY_TEXT)) {
    if (child.process.exitCode !== null) throw new Error(`npm start exited with code ${child.process.exitCode}; see ${logFile}`);
    if (Date.now() > deadline) {
      await child.stop('SIGINT');
      throw new Error(`npm start was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return child;
}

/** Starts, settles, measures and stops the stack: a first start on empty data, then a restart. */
export async function measureIdleStack({
  runDir,
  settleMs = 20_000,
  log = console.log,
}: {
  runDir: string;
  settleMs?: number;
  log?: (message: string) => void;
}): Promise<IdleStart[]> {
  mkdirSync(runDir, { recursive: true });
  const [apiPort, dbPort, opsPort] = await freePorts(3);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(apiPort),
    EMBEDDED_DB_PORT: String(dbPort),
    WORKER_OPS_PORT: String(opsPort),
    DATA_DIR: join(runDir, 'data'),
    TEMPORAL_DEV_CONFIG: await privateTemporalConfig(runDir),
  };
  // The stack under test is the local one, whatever this shell points at.
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const results: IdleStart[] = [];
  for (const start of ['first start', 'restart'] as const) {
    log(`idle: npm start (${start}), then ${settleMs / 1000} s idle`);
    const child = await startOnce(env, join(runDir, `${start.replace(' ', '-')}.log`), 300_000);
    try {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      results.push(summarise(start, processTree(child.process.pid!)));
    } finally {
      // SIGINT to the launcher's group, as Ctrl-C would: it stops its children in order.
      await child.stop('SIGINT', 30_000);
    }
  }
  // The logs stay; the databases (about 60 MiB) go.
  for (const data of ['data', 'temporal']) rmSync(join(runDir, data), { recursive: true, force: true });
  return results;
}

/** The idle rows of the report: total and the share of each part, per start. */
export function renderIdleTable(starts: IdleStart[]): string {
  const roles = [...new Set(starts.flatMap((start) => Object.keys(start.byRole)))].sort(
    (a, b) => (starts[0]!.byRole[b] ?? 0) - (starts[0]!.byRole[a] ?? 0),
  );
  const lines = [
    `| Idle stack, RSS in MiB | total | ${roles.join(' | ')} | total PSS |`,
    `|---|---:|${roles.map(() => '---:').join('|')}|---:|`,
  ];
  for (const start of starts)
    lines.push(
      `| ${start.start} | ${start.totalMiB} | ${roles.map((role) => start.byRole[role] ?? 0).join(' | ')} | ${start.totalPssMiB} |`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runDir = join(repoRoot, 'bench', 'results', `idle-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const starts = await measureIdleStack({ runDir, settleMs: Number(process.env.IDLE_SETTLE_MS ?? 20_000) });
  console.log(renderIdleTable(starts));
  for (const start of starts) {
    console.log(`\n${start.start}:`);
    for (const one of start.processes) console.log(`  ${String(one.rssMiB).padStart(5)} MiB  ${one.role.padEnd(9)} ${one.command}`);
  }
  process.exit(0);
}
