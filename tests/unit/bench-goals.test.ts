// The benchmark's goals table: each goal is computed from the run's own figures, ratios to bare
// Temporal included, and marked missed when the figure is past its limit.
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../bench/options';
import { backendDatabase } from '../../bench/process-stats';
import { AT_REST, type BenchResults, checkGoals, type PhaseFigures, renderCpuTable } from '../../bench/report';
import { summarize } from '../../bench/stats';

function figures(oursMs: number[], bareMs: number[], durationMs = 1000): PhaseFigures {
  return {
    ours: { ...summarize(oursMs, 0, durationMs), errorSamples: [] },
    bare: { ...summarize(bareMs, 0, durationMs), errorSamples: [] },
  };
}

function results(overrides: Partial<BenchResults>): BenchResults {
  return {
    date: '2026-11-27T00:00:00.000Z',
    machine: { cores: 2, memoryGiB: 24, cpu: 'test', node: '20', platform: 'linux', loadAverageBefore: 0, loadAverageAfter: 0 },
    commit: 'test',
    command: 'npm run bench',
    options: parseBenchOptions([]),
    database: 'embedded PGlite',
    temporal: 'dev-server',
    memory: {},
    cpuSeconds: {},
    ...overrides,
  };
}

const goal = (checks: ReturnType<typeof checkGoals>, prefix: string) => checks.find((check) => check.goal.startsWith(prefix));

describe('benchmark goals', () => {
  it('compares lifecycle throughput and CPU per status change with bare Temporal in the same run', () => {
    // 8 calls ours, 10 bare in the same second: 0.8 × bare throughput.
    const lifecycle = figures(Array(8).fill(20), Array(10).fill(5));
    const cpuSeconds = {
      'lifecycle (ours)': { temporal: 0.1, database: 0.05, api: 0.05, worker: 0.1, loadGenerator: 0.02, calls: 8 },
      'lifecycle (bare)': { temporal: 0.05, bareWorker: 0.05, loadGenerator: 0.02, calls: 10 },
    };
    const checks = checkGoals(results({ lifecycle, cpuSeconds }));
    expect(goal(checks, 'Lifecycle: throughput')?.met).toBe(true);
    // Ours 320 / 8 = 40 ms per call against bare 120 / 10 = 12 ms: 3.3 × bare.
    expect(goal(checks, 'Lifecycle: CPU per status change')).toMatchObject({ met: false, actual: expect.stringContaining('3.33 × bare') });
  });

  it('misses tracking when a poll takes over a second, and when p95 is past 1.3 × bare', () => {
    const tracking = { ...figures([...Array(99).fill(10), 1500], Array(100).fill(10)), offeredPerSecond: 100, maxGeneratorLagMs: 0 };
    const checks = checkGoals(results({ tracking }));
    expect(goal(checks, 'Tracking: no poll over 1 s')?.met).toBe(false);
    expect(goal(checks, 'Tracking: p95')?.met).toBe(true);
  });

  it('checks service time at one caller, the memory of the services and of the idle stack', () => {
    const checks = checkGoals(
      results({
        serviceLifecycle: figures(Array(10).fill(14), Array(10).fill(5)),
        serviceCheckout: figures(Array(10).fill(16), Array(10).fill(5)),
        memory: { database: { peakRssMiB: 300, lifetimePeakMiB: 300 }, 'worker + api + database': { peakRssMiB: 800, lifetimePeakMiB: 0 } },
        idle: [
          { start: 'first start', totalMiB: 590, totalPssMiB: 400, byRole: {}, processes: [] },
          { start: 'restart', totalMiB: 610, totalPssMiB: 410, byRole: {}, processes: [] },
        ],
      }),
    );
    expect(goal(checks, 'Service time, one caller: status change')?.met).toBe(true);
    expect(goal(checks, 'Service time, one caller: checkout')?.met).toBe(false);
    expect(goal(checks, 'Memory: worker + API')?.met).toBe(false);
    // The larger of the two starts decides.
    expect(goal(checks, 'Memory: whole stack idle')).toMatchObject({ met: false, actual: expect.stringContaining('610 MiB') });
  });

  it('has no memory goal for the services on an external PostgreSQL', () => {
    const memory = {
      database: { peakRssMiB: 900, lifetimePeakMiB: 900 },
      'worker + api + database': { peakRssMiB: 1200, lifetimePeakMiB: 0 },
    };
    expect(goal(checkGoals(results({ memory, database: 'PostgreSQL (DATABASE_URL)' })), 'Memory: worker + API')).toBeUndefined();
  });
});

describe('benchmark options', () => {
  it('adds the scale phase when open orders are given, in ascending order', () => {
    const options = parseBenchOptions(['--open-orders', '10000,1000']);
    expect(options.phases).toContain('scale');
    expect(options.openOrders).toEqual([1000, 10000]);
    expect(parseBenchOptions([]).phases).not.toContain('scale');
  });

  it('runs on the dev server unless --temporal cluster is given, which needs DATABASE_URL and has no idle phase', () => {
    const url = { DATABASE_URL: 'postgresql://orders_test:orders_test@127.0.0.1:5432/orders_bench_1' };
    expect(parseBenchOptions([], {})).toMatchObject({ temporal: 'dev-server', phases: expect.arrayContaining(['idle']) });
    const cluster = parseBenchOptions(['--temporal', 'cluster'], url);
    expect(cluster.temporal).toBe('cluster');
    expect(cluster.phases).toEqual(['checkout', 'tracking', 'lifecycle', 'service']);
    expect(() => parseBenchOptions(['--temporal', 'cluster'], {})).toThrow(/needs DATABASE_URL/);
    expect(() => parseBenchOptions(['--temporal', 'cluster', '--phases', 'checkout,idle'], url)).toThrow(/idle phase/);
    expect(() => parseBenchOptions(['--temporal', 'docker'], url)).toThrow(/dev-server or cluster/);
  });
});

describe('benchmark CPU accounting', () => {
  it("counts the Temporal cluster's databases in the CPU per call of ours and of bare", () => {
    const lifecycle = figures(Array(10).fill(20), Array(10).fill(5));
    const cpuSeconds = {
      'lifecycle (ours)': { temporal: 0.2, temporalDatabase: 0.1, database: 0.05, api: 0.05, worker: 0.1, loadGenerator: 0, calls: 10 },
      'lifecycle (bare)': { temporal: 0.1, temporalDatabase: 0.1, bareWorker: 0.05, loadGenerator: 0, calls: 10 },
    };
    // Ours 500 / 10 = 50 ms per call against bare 250 / 10 = 25 ms.
    expect(goal(checkGoals(results({ lifecycle, cpuSeconds, temporal: 'cluster' })), 'Lifecycle: CPU')?.actual).toContain('2.00 × bare');
  });

  it("totals every process at rest, and only the target's processes in a measured step", () => {
    const seconds = { temporal: 1, temporalDatabase: 0.5, database: 0.1, api: 0.1, worker: 0.1, bareWorker: 0.1, loadGenerator: 0.1 };
    const table = renderCpuTable({
      [AT_REST]: { ...seconds, wall: 10, calls: 0 },
      'lifecycle (bare)': { ...seconds, bareWorker: 0.4, wall: 1, calls: 100 },
    });
    expect(table).toContain(`| ${AT_REST} | 0 | 10.0 | 1.0 | 0.5 | 0.1 | 0.1 | 0.1 | 0.1 | 0.1 | 2.0 |  |`);
    // Bare: Temporal, its databases, the bare worker and the load generator, 2.0 s over 100 calls.
    expect(table).toContain('| 2.0 | 20.0 |');
  });

  it('reads the database a PostgreSQL backend serves from its title', () => {
    expect(backendDatabase('postgres: 15/main: orders_test orders_bench_1_temporal 127.0.0.1(43850) idle')).toBe('orders_bench_1_temporal');
    expect(backendDatabase('postgres: orders_test orders_bench_1 [local] SELECT')).toBe('orders_bench_1');
    expect(backendDatabase('postgres: 15/main: checkpointer')).toBeUndefined();
    expect(backendDatabase('postgres: 15/main: logical replication launcher')).toBeUndefined();
  });
});
