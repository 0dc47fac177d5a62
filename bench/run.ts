// `npm run bench`: starts its own stack on free ports, measures checkout, tracking and the order
// lifecycle through the HTTP API and the same operations against bare Temporal, and reports the
// figures, the ours/bare ratios and the peak memory. See docs/benchmark.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { connectTemporalClient, temporalConnectConfig } from '../lib/temporal';
import { repoRoot } from '../scripts/lib/paths';
import { temporalDatabasesBeside } from '../scripts/lib/temporal-cluster';
import { createBareTarget } from './bare-target';
import { measureIdleStack, renderIdleTable } from './idle-stack';
import type { Measured } from './load';
import { type BenchOptions, type Phase, parseBenchOptions, USAGE } from './options';
import { createOrders, moveToDelivered, pollOrders, readEach } from './phases';
import { planOrders, planPolls } from './plan';
import { cpuBetween, findPostmaster, type SampledProcesses, startProcessSampler } from './process-stats';
import { seededRandom } from './random';
import {
  AT_REST,
  type BenchResults,
  type CpuByPhase,
  checkGoals,
  EMBEDDED,
  type PhaseFigures,
  renderCpuTable,
  renderGoals,
  renderScaleTable,
  renderTable,
  renderTemporalCpuTable,
  type ScalePoint,
  saveResults,
} from './report';
import { createShopTarget } from './shop-target';
import { BARE_TASK_QUEUE, type BenchStack, startBenchStack } from './stack';
import { summarize } from './stats';
import type { LoadTarget } from './target';

const resultsDir = join(repoRoot, 'bench', 'results');
/** Seconds of the at-rest reading before the load phases. */
const REST_SECONDS = 10;

function log(message: string) {
  console.log(`▸ ${message}`);
}

function figures(measured: Measured) {
  return { ...summarize(measured.latenciesMs, measured.errors, measured.durationMs), errorSamples: measured.errorSamples };
}

function commitId(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return dirty ? `${head} (with local changes)` : head;
  } catch {
    return 'unknown';
  }
}

interface NamedTarget {
  name: 'ours' | 'bare';
  target: LoadTarget<unknown>;
}

type ProcessSampler = ReturnType<typeof startProcessSampler>;

function loadGeneratorCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds of every process (and of this load generator) while `run` goes. */
async function withCpu<T>(sampler: ProcessSampler, run: () => Promise<T>): Promise<{ result: T; cpuSeconds: Record<string, number> }> {
  const before = { ...sampler.cpuSeconds(), loadGenerator: loadGeneratorCpuSeconds() };
  const result = await run();
  const after = { ...sampler.cpuSeconds(), loadGenerator: loadGeneratorCpuSeconds() };
  return { result, cpuSeconds: cpuBetween(before, after) };
}

/**
 * What the sampler reads. Temporal: the dev server, or the cluster's four services, each on its own and
 * summed as `temporal`. A local PostgreSQL: the backends of each of our databases (the order service's
 * as `database`; the cluster's persistence and visibility databases, summed as `temporalDatabase`), and
 * the whole server as `postgresServer`, which also counts its own processes, backends that exited
 * before they were sampled, and any other client of that server.
 */
function sampledProcesses(stack: BenchStack, databaseUrl: string | undefined): SampledProcesses {
  const { processes } = stack;
  const temporal = stack.temporalPids();
  const services = Object.keys(temporal).filter((name) => name !== 'temporal');
  const sampled: SampledProcesses = {
    processes: {
      ...temporal,
      worker: processes.worker?.process.pid,
      api: processes.api?.process.pid,
      database: processes.database?.process.pid,
      bareWorker: processes.bareWorker?.process.pid,
    },
    groups: services.length ? { temporal: services } : {},
  };
  const local = databaseUrl ? new URL(databaseUrl) : undefined;
  const postmaster = local && ['127.0.0.1', 'localhost'].includes(local.hostname) ? findPostmaster(Number(local.port || 5432)) : undefined;
  if (local && postmaster !== undefined) {
    const name = decodeURIComponent(local.pathname.slice(1));
    const temporalDatabases = temporalDatabasesBeside(name);
    sampled.cpuOnly = { postgresServer: postmaster };
    sampled.postgres = {
      postmaster,
      databases: { database: name, 'postgres:temporal': temporalDatabases.temporal, 'postgres:visibility': temporalDatabases.visibility },
    };
    sampled.groups = { ...sampled.groups, temporalDatabase: ['postgres:temporal', 'postgres:visibility'] };
  }
  return sampled;
}

/** Tracking at each number of open orders: tops the open orders up, then polls random ones. */
async function measureScale(
  options: BenchOptions,
  target: LoadTarget<unknown>,
  firstIndex: number,
  sampler: ProcessSampler,
): Promise<ScalePoint[]> {
  const random = seededRandom(options.seed + 1);
  const open: unknown[] = [];
  const points: ScalePoint[] = [];
  const pollIntervalMs = (options.pollEverySeconds * 1000) / options.speedup;
  for (const openOrders of options.openOrders) {
    log(`ours: scale, placing ${openOrders - open.length} orders to hold ${openOrders} open`);
    const indices = Array.from({ length: openOrders - open.length }, (_, i) => firstIndex + open.length + i);
    open.push(...(await createOrders(target, indices, options.concurrency)).orders);
    // Each poll picks any open order, so most fall outside the worker's cache and replay.
    const schedule = planPolls(options.trackers, 0, pollIntervalMs, options.pollsPerTracker, random).map((call) => ({
      ...call,
      item: random.int(0, open.length - 1),
    }));
    log(`ours: scale, ${schedule.length} polls over ${open.length} open orders`);
    const polled = await pollOrders(target, open, schedule);
    const rss = sampler.currentRssMiB();
    points.push({
      openOrders: open.length,
      workerCache: options.workerCache,
      tracking: summarize(polled.latenciesMs, polled.errors, polled.durationMs),
      workerRssMiB: rss.worker ?? 0,
      ...(rss.database !== undefined ? { databaseRssMiB: rss.database } : {}),
    });
  }
  return points;
}

/** Runs the phases against each target in turn, phase by phase, so both meet the same server state. */
async function measure(options: BenchOptions, targets: NamedTarget[], sampler: ProcessSampler) {
  const random = seededRandom(options.seed);
  const warmupIndices = [...Array(options.warmupOrders).keys()];
  const measuredIndices = Array.from({ length: options.orders }, (_, i) => options.warmupOrders + i);
  const serviceIndices = Array.from({ length: options.serviceOrders }, (_, i) => options.warmupOrders + options.orders + i);
  const pollIntervalMs = (options.pollEverySeconds * 1000) / options.speedup;
  const schedule = planPolls(options.trackers, options.orders, pollIntervalMs, options.pollsPerTracker, random);
  const wanted = (phase: Phase) => options.phases.includes(phase);
  type Step = 'checkout' | 'tracking' | 'lifecycle' | 'serviceCheckout' | 'serviceLifecycle';
  const results: Partial<Record<Step, PhaseFigures>> & { trackingLagMs?: number; scale?: ScalePoint[] } = {};
  const cpu: CpuByPhase = {};
  /** Runs one measured step (warm-up excluded) and records its figures and CPU time. */
  const record = async <M extends Measured>(step: Step, name: NamedTarget['name'], run: () => Promise<M>): Promise<M> => {
    const { result, cpuSeconds } = await withCpu(sampler, run);
    results[step] = { ...results[step], [name]: figures(result) } as PhaseFigures;
    cpu[`${step} (${name})`] = {
      ...cpuSeconds,
      wall: Math.round(result.durationMs / 10) / 100,
      calls: result.latenciesMs.length + result.errors,
    };
    return result;
  };

  // What the stack uses by itself, before any load: a Temporal cluster has work of its own (membership,
  // shards, task queues), which the one-caller steps, mostly waiting, carry too.
  log(`at rest: ${REST_SECONDS} s without load`);
  const rest = await withCpu(sampler, () => new Promise((resolve) => setTimeout(resolve, REST_SECONDS * 1000)));
  cpu[AT_REST] = { ...rest.cpuSeconds, wall: REST_SECONDS, calls: 0 };

  const orders = new Map<NamedTarget['name'], { warmup: unknown[]; measured: unknown[] }>();
  if (wanted('checkout') || wanted('tracking') || wanted('lifecycle')) {
    for (const { name, target } of targets) {
      // Later phases need orders, so they are placed even when checkout is not measured.
      log(`${name}: checkout of ${options.warmupOrders} warm-up and ${options.orders} measured orders`);
      const warmup = await createOrders(target, warmupIndices, options.concurrency);
      let measured: unknown[] = [];
      await record('checkout', name, async () => {
        const created = await createOrders(target, measuredIndices, options.concurrency);
        measured = created.orders;
        return created.measured;
      });
      orders.set(name, { warmup: warmup.orders, measured });
    }
    if (!wanted('checkout')) {
      delete results.checkout;
      for (const { name } of targets) delete cpu[`checkout (${name})`];
    }
  }
  if (wanted('tracking')) {
    for (const { name, target } of targets) {
      log(`${name}: tracking, ${schedule.length} polls over ${((pollIntervalMs * options.pollsPerTracker) / 1000).toFixed(0)} s`);
      await readEach(target, orders.get(name)!.warmup, options.concurrency, 4);
      const polled = await record('tracking', name, () => pollOrders(target, orders.get(name)!.measured, schedule));
      results.trackingLagMs = Math.max(results.trackingLagMs ?? 0, polled.maxLagMs);
    }
  }
  if (wanted('lifecycle')) {
    for (const { name, target } of targets) {
      log(`${name}: lifecycle, ${options.orders} orders pending → delivered`);
      await moveToDelivered(target, orders.get(name)!.warmup, options.concurrency);
      await record('lifecycle', name, () => moveToDelivered(target, orders.get(name)!.measured, options.concurrency));
    }
  }
  if (wanted('service')) {
    for (const { name, target } of targets) {
      log(`${name}: service time, ${options.serviceOrders} orders placed and moved by one caller`);
      let placed: unknown[] = [];
      await record('serviceCheckout', name, async () => {
        const created = await createOrders(target, serviceIndices, 1);
        placed = created.orders;
        return created.measured;
      });
      await record('serviceLifecycle', name, () => moveToDelivered(target, placed, 1));
    }
  }
  if (wanted('scale')) {
    const ours = targets.find((one) => one.name === 'ours')!;
    results.scale = await measureScale(options, ours.target, options.warmupOrders + options.orders + options.serviceOrders, sampler);
  }
  return { ...results, cpu, offeredPollsPerSecond: (options.trackers * 1000) / pollIntervalMs };
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const date = new Date().toISOString();
  const loadAverageBefore = loadavg()[0]!;
  const logDir = join(resultsDir, `${date.replace(/[:.]/g, '-')}-logs`);
  mkdirSync(logDir, { recursive: true });
  const databaseUrl = process.env.DATABASE_URL;
  const database = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : EMBEDDED;
  const loadPhases = options.phases.filter((phase) => phase !== 'idle');
  let stack: BenchStack | undefined;
  let bareConnection: Client['connection'] | undefined;
  const stopAll = async () => {
    await bareConnection?.close().catch(() => {});
    await stack?.stop();
    stack = undefined;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));

  try {
    let measured: Awaited<ReturnType<typeof measure>> | undefined;
    let memory: BenchResults['memory'] = {};
    if (loadPhases.length) {
      log(`Starting the stack (logs: ${logDir}; database: ${database}; Temporal: ${options.temporal})`);
      stack = await startBenchStack({
        logDir,
        withBare: options.bare,
        ...(databaseUrl ? { databaseUrl } : {}),
        // The scale phase needs a cache smaller than the open orders, so that most polls replay.
        ...(options.phases.includes('scale') ? { workerCache: options.workerCache } : {}),
        temporal: options.temporal,
      });
      const sampler = startProcessSampler(sampledProcesses(stack, databaseUrl));
      const largestScale = options.phases.includes('scale') ? Math.max(...options.openOrders) : 0;
      const plan = planOrders(
        options.warmupOrders + options.orders + options.serviceOrders + largestScale,
        options.buyerAccounts,
        seededRandom(options.seed),
      );
      const targets: NamedTarget[] = [
        { name: 'ours', target: (await createShopTarget(stack.apiUrl, plan, options.buyerAccounts)) as LoadTarget<unknown> },
      ];
      if (options.bare) {
        // The same connection settings as the API's client (lib/temporal.ts).
        const client = await connectTemporalClient(
          temporalConnectConfig({ TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_NAMESPACE: stack.namespace }),
        );
        bareConnection = client.connection;
        targets.push({ name: 'bare', target: createBareTarget(client, BARE_TASK_QUEUE, plan) as LoadTarget<unknown> });
      }
      measured = await measure(options, targets, sampler);
      memory = sampler.finish();
      log('Stopping the stack');
      await stopAll();
    }
    // Last, and alone on the machine: the stack as `npm start` runs it, idle.
    const idle = options.phases.includes('idle')
      ? await measureIdleStack({ runDir: join(logDir, 'idle'), settleMs: options.idleSettleSeconds * 1000, log })
      : undefined;

    const results: BenchResults = {
      date,
      machine: {
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.versions.node,
        platform: process.platform,
        loadAverageBefore,
        loadAverageAfter: loadavg()[0]!,
      },
      commit: commitId(),
      command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
      options,
      database,
      temporal: options.temporal,
      ...(measured?.checkout ? { checkout: measured.checkout } : {}),
      ...(measured?.tracking
        ? {
            tracking: {
              ...measured.tracking,
              offeredPerSecond: measured.offeredPollsPerSecond,
              maxGeneratorLagMs: Math.round(measured.trackingLagMs ?? 0),
            },
          }
        : {}),
      ...(measured?.lifecycle ? { lifecycle: measured.lifecycle } : {}),
      ...(measured?.serviceCheckout ? { serviceCheckout: measured.serviceCheckout } : {}),
      ...(measured?.serviceLifecycle ? { serviceLifecycle: measured.serviceLifecycle } : {}),
      ...(measured?.scale ? { scale: measured.scale } : {}),
      ...(idle ? { idle } : {}),
      memory,
      cpuSeconds: measured?.cpu ?? {},
    };
    const goals = checkGoals(results);
    const sections = [renderGoals(goals)];
    if (loadPhases.some((phase) => phase !== 'scale')) {
      sections.push(
        renderTable(results, goals),
        `CPU seconds per process during each measured step:\n\n${renderCpuTable(results.cpuSeconds)}`,
      );
      const temporalCpu = renderTemporalCpuTable(results.cpuSeconds);
      if (temporalCpu) sections.push(`CPU seconds of Temporal's processes and of PostgreSQL, by database:\n\n${temporalCpu}`);
    }
    if (results.scale)
      sections.push(
        `Tracking with many open orders (worker cache ${options.workerCache} workflows):\n\n${renderScaleTable(results.scale)}`,
      );
    if (idle)
      sections.push(
        `Idle after npm start, ${options.idleSettleSeconds} s after ready (RSS of every process in its tree):\n\n${renderIdleTable(idle)}`,
      );
    const report = sections.join('\n\n');
    console.log(`\n${report}\n`);
    for (const [phase, phaseFigures] of Object.entries({
      checkout: results.checkout,
      tracking: results.tracking,
      lifecycle: results.lifecycle,
      service: results.serviceLifecycle,
    })) {
      for (const sample of phaseFigures?.ours.errorSamples ?? []) console.log(`  ${phase} error: ${sample}`);
    }
    log(`Results: ${saveResults(results, goals, report, resultsDir)}`);
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`\n${error.stack ?? error.message}`);
    process.exit(1);
  },
);
