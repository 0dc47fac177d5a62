// The benchmark's goals table: each goal is computed from the run's own figures, ratios to bare
// Temporal included, and marked missed when the figure is past its limit.
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../bench/options';
import { type BenchResults, checkGoals, type PhaseFigures } from '../../bench/report';
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
});
