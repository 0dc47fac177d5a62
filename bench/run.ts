// `npm run bench`: starts its own stack on free ports, measures checkout, tracking and the order
// lifecycle through the HTTP API and the same operations against bare Temporal, and reports the
// figures, the ours/bare ratios and the peak memory. See docs/benchmark.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '../scripts/lib/paths';
import { createBareTarget } from './bare-target';
import type { Measured } from './load';
import { cpuBetween, startProcessSampler } from './process-stats';
import { parseBenchOptions, USAGE, type BenchOptions, type Phase } from './options';
import { createOrders, moveToDelivered, pollOrders, readEach } from './phases';
import { planOrders, planPolls } from './plan';
import { seededRandom } from './random';
import { checkGoals, renderCpuTable, renderTable, saveResults, type BenchResults, type CpuByPhase, type PhaseFigures } from './report';
import { createShopTarget } from './shop-target';
import { BARE_TASK_QUEUE, startBenchStack, type BenchStack } from './stack';
import { summarize } from './stats';
import type { LoadTarget } from './target';

const resultsDir = join(repoRoot, 'bench', 'results');

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

/** Runs the phases against each target in turn, phase by phase, so both meet the same server state. */
async function measure(options: BenchOptions, targets: NamedTarget[], sampler: ProcessSampler) {
  const random = seededRandom(options.seed);
  const warmupIndices = [...Array(options.warmupOrders).keys()];
  const measuredIndices = Array.from({ length: options.orders }, (_, i) => options.warmupOrders + i);
  const pollIntervalMs = (options.pollEverySeconds * 1000) / options.speedup;
  const schedule = planPolls(options.trackers, options.orders, pollIntervalMs, options.pollsPerTracker, random);
  const wanted = (phase: Phase) => options.phases.includes(phase);
  const results: Partial<Record<Phase, PhaseFigures>> & { trackingLagMs?: number } = {};
  const cpu: CpuByPhase = {};
  /** Runs one measured step (warm-up excluded) and records its figures and CPU time. */
  const record = async <M extends Measured>(phase: Phase, name: NamedTarget['name'], run: () => Promise<M>): Promise<M> => {
    const { result, cpuSeconds } = await withCpu(sampler, run);
    results[phase] = { ...results[phase], [name]: figures(result) } as PhaseFigures;
    cpu[`${phase} (${name})`] = { ...cpuSeconds, wall: Math.round(result.durationMs / 10) / 100, calls: result.latenciesMs.length + result.errors };
    return result;
  };

  const orders = new Map<NamedTarget['name'], { warmup: unknown[]; measured: unknown[] }>();
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
  log(`Starting the stack (logs: ${logDir})`);
  let stack: BenchStack | undefined;
  let bareConnection: Connection | undefined;
  const stopAll = async () => {
    await bareConnection?.close().catch(() => {});
    await stack?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));

  try {
    stack = await startBenchStack({ logDir, withBare: options.bare });
    const { processes } = stack;
    const sampler = startProcessSampler({
      temporal: processes.temporal?.process.pid,
      worker: processes.worker?.process.pid,
      api: processes.api?.process.pid,
      database: processes.database?.process.pid,
      bareWorker: processes.bareWorker?.process.pid,
    });
    const plan = planOrders(options.warmupOrders + options.orders, options.buyerAccounts, seededRandom(options.seed));
    const targets: NamedTarget[] = [{ name: 'ours', target: (await createShopTarget(stack.apiUrl, plan, options.buyerAccounts)) as LoadTarget<unknown> }];
    if (options.bare) {
      bareConnection = await Connection.connect({ address: stack.temporalAddress });
      const client = new Client({ connection: bareConnection, namespace: stack.namespace });
      targets.push({ name: 'bare', target: createBareTarget(client, BARE_TASK_QUEUE, plan) as LoadTarget<unknown> });
    }
    const measured = await measure(options, targets, sampler);
    const memory = sampler.finish();

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
      ...(measured.checkout ? { checkout: measured.checkout } : {}),
      ...(measured.tracking ? { tracking: { ...measured.tracking, offeredPerSecond: measured.offeredPollsPerSecond, maxGeneratorLagMs: Math.round(measured.trackingLagMs ?? 0) } } : {}),
      ...(measured.lifecycle ? { lifecycle: measured.lifecycle } : {}),
      memory,
      cpuSeconds: measured.cpu,
    };
    const goals = checkGoals(results);
    const table = renderTable(results, goals);
    console.log(`\n${table}\n\nCPU seconds per process during each measured step:\n\n${renderCpuTable(results.cpuSeconds)}\n`);
    for (const [phase, phaseFigures] of Object.entries({ checkout: results.checkout, tracking: results.tracking, lifecycle: results.lifecycle })) {
      for (const sample of phaseFigures?.ours.errorSamples ?? []) console.log(`  ${phase} error: ${sample}`);
    }
    log(`Results: ${saveResults(results, goals, table, resultsDir)}`);
  } finally {
    log('Stopping the stack');
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
