// The results: the goals of the issue, a markdown table for the terminal and the README, and the JSON
// record in bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdleStart } from './idle-stack';
import type { BenchOptions, TemporalTarget } from './options';
import { type MemoryPeak, SERVICES_TOGETHER } from './process-stats';
import type { LatencySummary } from './stats';

export interface PhaseFigures {
  ours: LatencySummary & { errorSamples: string[] };
  bare?: LatencySummary & { errorSamples: string[] };
}

/** CPU seconds per process tree, wall seconds and calls of each measured step, e.g. "checkout (ours)". */
export type CpuByPhase = Record<string, Record<string, number>>;

export interface BenchResults {
  date: string;
  machine: {
    cores: number;
    memoryGiB: number;
    cpu: string;
    node: string;
    platform: string;
    loadAverageBefore: number;
    loadAverageAfter: number;
  };
  commit: string;
  command: string;
  options: BenchOptions;
  checkout?: PhaseFigures;
  tracking?: PhaseFigures & { offeredPerSecond: number; maxGeneratorLagMs: number };
  lifecycle?: PhaseFigures;
  /** One caller at a time: service time without queueing. */
  serviceCheckout?: PhaseFigures;
  serviceLifecycle?: PhaseFigures;
  /** Tracking with many open orders and a workflow cache smaller than their number. */
  scale?: ScalePoint[];
  /** `npm start` idle: a first start, then a restart. */
  idle?: IdleStart[];
  /** "embedded PGlite" or "PostgreSQL (DATABASE_URL)". */
  database: string;
  /** The Temporal server of the load phases, ours and bare alike. */
  temporal: TemporalTarget;
  memory: Record<string, MemoryPeak>;
  cpuSeconds: CpuByPhase;
}

export interface ScalePoint {
  openOrders: number;
  workerCache: number;
  tracking: LatencySummary;
  /** Resident set right after the polls, in MiB. */
  workerRssMiB: number;
  databaseRssMiB?: number;
}

export interface GoalCheck {
  goal: string;
  actual: string;
  met: boolean;
}

// Each total counts only the processes its target uses; the other target's processes sit idle. On the
// cluster, Temporal's own databases (`temporalDatabase`) serve both.
const usedBy = {
  ours: ['temporal', 'temporalDatabase', 'database', 'api', 'worker', 'loadGenerator'],
  bare: ['temporal', 'temporalDatabase', 'bareWorker', 'loadGenerator'],
};

/** The CPU table's step for the stack at rest before the load, which has no calls and counts every process. */
export const AT_REST = 'at rest, no load';

/** The processes a step's total counts. */
function usedIn(step: string): string[] {
  if (step === AT_REST) return [...new Set([...usedBy.ours, ...usedBy.bare])];
  return usedBy[step.endsWith('(bare)') ? 'bare' : 'ours'];
}

/** How the report names each Temporal target. */
const TEMPORAL_NAMES: Record<TemporalTarget, string> = {
  'dev-server': 'dev server',
  cluster: 'cluster (frontend, history, matching, worker on PostgreSQL)',
};

/** How BenchResults.database names the embedded database. */
export const EMBEDDED = 'embedded PGlite';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const ratio = (ours: number, bare: number | undefined) => (bare && Number.isFinite(bare) && bare > 0 ? (ours / bare).toFixed(2) : '');
const mark = (met: boolean) => (met ? 'met' : '**missed**');

/** CPU milliseconds per call of a measured step, counting only the processes its target uses. */
function cpuMsPerCall(cpu: CpuByPhase, step: string): number | undefined {
  const seconds = cpu[step];
  if (!seconds?.calls) return undefined;
  const used = usedIn(step).reduce((sum, column) => sum + (seconds[column] ?? 0), 0);
  return (used * 1000) / seconds.calls;
}

/** The goals, each computed from this run; ratios are to bare Temporal in the same run. */
export function checkGoals(results: BenchResults): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const share = (goal: string, figures: PhaseFigures | undefined, atLeast: number) => {
    if (!figures?.bare) return;
    const value = figures.ours.perSecond / figures.bare.perSecond;
    checks.push({
      goal,
      actual: `${value.toFixed(2)} × bare (${figures.ours.perSecond.toFixed(1)} vs ${figures.bare.perSecond.toFixed(1)}/s)`,
      met: value >= atLeast,
    });
  };
  const cpuShare = (goal: string, phase: string, atMost: number) => {
    const ours = cpuMsPerCall(results.cpuSeconds, `${phase} (ours)`);
    const bare = cpuMsPerCall(results.cpuSeconds, `${phase} (bare)`);
    if (ours === undefined || bare === undefined) return;
    checks.push({
      goal,
      actual: `${(ours / bare).toFixed(2)} × bare (${ours.toFixed(1)} vs ${bare.toFixed(1)} ms)`,
      met: ours / bare <= atMost,
    });
  };
  share('Lifecycle: throughput ≥ 0.7 × bare', results.lifecycle, 0.7);
  cpuShare('Lifecycle: CPU per status change ≤ 1.6 × bare', 'lifecycle', 1.6);
  share('Checkout: throughput ≥ 0.5 × bare', results.checkout, 0.5);
  cpuShare('Checkout: CPU per order ≤ 2 × bare', 'checkout', 2);
  const tracking = results.tracking;
  if (tracking?.bare) {
    const value = tracking.ours.p95 / tracking.bare.p95;
    checks.push({
      goal: 'Tracking: p95 ≤ 1.3 × bare query p95',
      actual: `${value.toFixed(2)} × bare (${ms(tracking.ours.p95)} vs ${ms(tracking.bare.p95)} ms)`,
      met: value <= 1.3,
    });
  }
  if (tracking)
    checks.push({ goal: 'Tracking: no poll over 1 s', actual: `max ${ms(tracking.ours.max)} ms`, met: tracking.ours.max <= 1000 });
  const serviceP50 = (goal: string, figures: PhaseFigures | undefined) => {
    if (figures)
      checks.push({
        goal,
        actual: `${ms(figures.ours.p50)} ms (bare ${figures.bare ? ms(figures.bare.p50) : 'n/a'} ms)`,
        met: figures.ours.p50 <= 15,
      });
  };
  serviceP50('Service time, one caller: status change p50 ≤ 15 ms', results.serviceLifecycle);
  serviceP50('Service time, one caller: checkout p50 ≤ 15 ms', results.serviceCheckout);
  const together = results.memory[SERVICES_TOGETHER];
  if (together && results.memory.database && results.database === EMBEDDED) {
    checks.push({
      goal: 'Memory: worker + API + embedded database peak RSS ≤ 768 MiB',
      actual: `${together.peakRssMiB.toFixed(0)} MiB`,
      met: together.peakRssMiB <= 768,
    });
  }
  if (results.idle?.length) {
    const worst = results.idle.reduce((a, b) => (b.totalMiB > a.totalMiB ? b : a));
    checks.push({
      goal: 'Memory: whole stack idle after npm start ≤ 600 MiB',
      actual: `${worst.totalMiB} MiB (${worst.start}; ${results.idle.map((one) => `${one.start} ${one.totalMiB}`).join(', ')})`,
      met: worst.totalMiB <= 600,
    });
  }
  const scale = results.scale;
  if (scale && scale.length > 1) {
    const first = scale[0]!;
    const last = scale[scale.length - 1]!;
    const value = last.tracking.p95 / first.tracking.p95;
    checks.push({
      goal: `Scale: tracking p95 at ${last.openOrders} open orders ≤ 2 × at ${first.openOrders}`,
      actual: `${value.toFixed(2)} × (${ms(last.tracking.p95)} vs ${ms(first.tracking.p95)} ms)`,
      met: value <= 2,
    });
  }
  const phases = [results.checkout, results.tracking, results.lifecycle, results.serviceCheckout, results.serviceLifecycle];
  const errors =
    phases.reduce((sum, figures) => sum + (figures?.ours.errors ?? 0), 0) +
    (scale ?? []).reduce((sum, point) => sum + point.tracking.errors, 0);
  checks.push({ goal: '0 errors', actual: String(errors), met: errors === 0 });
  return checks;
}

export function renderGoals(goals: GoalCheck[]): string {
  return [
    '| Goal | Measured | |',
    '|---|---|---|',
    ...goals.map((check) => `| ${check.goal} | ${check.actual} | ${mark(check.met)} |`),
  ].join('\n');
}

/** Tracking at each number of open orders, and how each figure grows from the first. */
export function renderScaleTable(points: ScalePoint[]): string {
  const first = points[0]!;
  const growth = (value: number | undefined, base: number | undefined) =>
    value !== undefined && base ? ` (${(value / base).toFixed(2)}×)` : '';
  const lines = [
    '| Open orders | worker cache | polls | tracking p50 / p95 / max | worker RSS | database RSS |',
    '|---:|---:|---:|---|---:|---:|',
  ];
  for (const point of points) {
    const t = point.tracking;
    lines.push(
      `| ${point.openOrders} | ${point.workerCache} | ${t.count + t.errors} | ${ms(t.p50)} / ${ms(t.p95)}${growth(t.p95, first.tracking.p95)} / ${ms(t.max)} ms | ${point.workerRssMiB.toFixed(0)} MiB${growth(point.workerRssMiB, first.workerRssMiB)} | ${point.databaseRssMiB === undefined ? 'external' : `${point.databaseRssMiB.toFixed(0)} MiB${growth(point.databaseRssMiB, first.databaseRssMiB)}`} |`,
    );
  }
  return lines.join('\n');
}

function phaseRows(
  title: string,
  unit: string,
  bareUnit: string,
  figures: PhaseFigures,
  goals: { latency?: string; throughput?: string },
): string[] {
  const { ours, bare } = figures;
  const latency = (summary: LatencySummary) => `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)} / ${ms(summary.max)} ms`;
  const latencyRatios = bare
    ? [ratio(ours.p50, bare.p50), ratio(ours.p95, bare.p95), ratio(ours.p99, bare.p99), ratio(ours.max, bare.max)].join(' / ')
    : '';
  return [
    `| ${title} | throughput | ${ours.perSecond.toFixed(1)} ${unit}/s | ${bare ? `${bare.perSecond.toFixed(1)} ${bareUnit}/s` : ''} | ${ratio(ours.perSecond, bare?.perSecond)} | ${goals.throughput ?? ''} |`,
    `| | latency p50 / p95 / p99 / max | ${latency(ours)} | ${bare ? latency(bare) : ''} | ${latencyRatios} | ${goals.latency ?? ''} |`,
    `| | errors | ${ours.errors} of ${ours.count + ours.errors} | ${bare ? `${bare.errors} of ${bare.count + bare.errors}` : ''} | | |`,
  ];
}

export function renderTable(results: BenchResults, goals: GoalCheck[]): string {
  const goalText = (prefix: string, shownFrom = prefix.length) => {
    const found = goals.filter((one) => one.goal.startsWith(prefix));
    return found.length ? found.map((check) => `${check.goal.slice(shownFrom).trim()}: ${mark(check.met)}`).join('; ') : undefined;
  };
  const { options: o, machine } = results;
  // Anything else busy on the machine skews every figure; say so next to them.
  const busy =
    machine.loadAverageBefore >= machine.cores / 2
      ? ` Other processes were busy: load average ${machine.loadAverageBefore.toFixed(1)} before the run.`
      : '';
  const lines = [
    `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; commit ${results.commit}; database: ${results.database}; Temporal: ${TEMPORAL_NAMES[results.temporal]}.${busy}`,
    '',
    '| Phase | Measure | Ours (HTTP API) | Bare Temporal | Ours / bare | Goal |',
    '|---|---|---|---|---|---|',
  ];
  if (results.checkout) {
    lines.push(
      ...phaseRows(`Checkout: ${o.orders} orders, ${o.concurrency} concurrent`, 'orders', 'starts', results.checkout, {
        throughput: goalText('Checkout:'),
      }),
    );
  }
  if (results.tracking) {
    const title = `Tracking: ${o.trackers} buyers every ${o.pollEverySeconds} s, ${o.speedup}× faster (${results.tracking.offeredPerSecond.toFixed(0)} polls/s offered)`;
    lines.push(...phaseRows(title, 'polls', 'queries', results.tracking, { latency: goalText('Tracking:') }));
  }
  if (results.lifecycle) {
    lines.push(
      ...phaseRows(
        `Lifecycle: ${o.orders} orders × ${4} updates, ${o.concurrency} concurrent`,
        'transitions',
        'updates',
        results.lifecycle,
        {
          throughput: goalText('Lifecycle:'),
        },
      ),
    );
  }
  if (results.serviceCheckout) {
    lines.push(
      ...phaseRows(`Service time: ${o.serviceOrders} checkouts, 1 caller`, 'orders', 'starts', results.serviceCheckout, {
        latency: goalText('Service time, one caller: checkout'),
      }),
    );
  }
  if (results.serviceLifecycle) {
    lines.push(
      ...phaseRows(`Service time: ${o.serviceOrders} orders × 4 updates, 1 caller`, 'transitions', 'updates', results.serviceLifecycle, {
        latency: goalText('Service time, one caller: status change'),
      }),
    );
  }
  const memory = (name: string) => {
    const peak = results.memory[name];
    return peak ? `${peak.peakRssMiB.toFixed(0)} MiB (lifetime ${peak.lifetimePeakMiB.toFixed(0)} MiB)` : '';
  };
  lines.push(`| Memory: peak RSS under load | worker | ${memory('worker')} | ${memory('bareWorker')} | | |`);
  lines.push(`| | API | ${memory('api')} | | | |`);
  if (results.memory.temporal) {
    const processes = results.temporal === 'cluster' ? 'Temporal, 4 processes sampled together (lifetime: their sum)' : 'Temporal';
    lines.push(`| | ${processes} | ${memory('temporal')} | same server | | |`);
  }
  // Each PostgreSQL backend maps the shared buffers, so their RSS summed would count them many times.
  const databaseMemory = results.database === EMBEDDED ? memory('database') : 'not summed (backends share their buffers)';
  lines.push(`| | ${results.database} | ${databaseMemory} | | | |`);
  if (results.memory[SERVICES_TOGETHER] && results.memory.database && results.database === EMBEDDED) {
    lines.push(
      `| | worker + API + database, sampled together | ${results.memory[SERVICES_TOGETHER]!.peakRssMiB.toFixed(0)} MiB | | | ${goalText('Memory: worker', 'Memory:'.length) ?? ''} |`,
    );
  }
  const errorsGoal = goals.find((one) => one.goal === '0 errors');
  if (errorsGoal) lines.push(`| All phases | errors | ${errorsGoal.actual} | | | 0 errors: ${mark(errorsGoal.met)} |`);
  return lines.join('\n');
}

/**
 * Where the time went: CPU seconds of each process during each measured step, their total, and that
 * total per call. On a machine where every process shares the cores, ours/bare throughput can be no
 * better than bare's CPU per call over ours.
 */
export function renderCpuTable(cpu: CpuByPhase): string {
  const steps = Object.values(cpu);
  // Temporal's own databases have a column when the run measured them (a local PostgreSQL).
  const columns = ['temporal', 'temporalDatabase', 'database', 'api', 'worker', 'bareWorker', 'loadGenerator'].filter(
    (column) => column !== 'temporalDatabase' || steps.some((seconds) => column in seconds),
  );
  const lines = [
    `| Measured step | calls | wall s | ${columns.join(' | ')} | total used | CPU ms per call |`,
    `|---|---:|---:|${columns.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const [step, seconds] of Object.entries(cpu)) {
    const total = usedIn(step).reduce((sum, column) => sum + (seconds[column] ?? 0), 0);
    const perCall = cpuMsPerCall(cpu, step)?.toFixed(1) ?? '';
    lines.push(
      `| ${step} | ${seconds.calls ?? ''} | ${seconds.wall?.toFixed(1)} | ${columns.map((column) => (seconds[column] ?? 0).toFixed(1)).join(' | ')} | ${total.toFixed(1)} | ${perCall} |`,
    );
  }
  return lines.join('\n');
}

/** The columns of the Temporal and PostgreSQL table, and their headings. */
const DETAIL_COLUMNS: [string, string][] = [
  ['temporal:frontend', 'frontend'],
  ['temporal:history', 'history'],
  ['temporal:matching', 'matching'],
  ['temporal:worker', 'Temporal worker'],
  ['postgres:temporal', 'PostgreSQL: Temporal persistence'],
  ['postgres:visibility', 'PostgreSQL: visibility'],
  ['database', 'PostgreSQL: orders'],
  ['postgresServer', 'PostgreSQL: whole server'],
];

/**
 * Where Temporal's and PostgreSQL's CPU went in each step: each service of a Temporal cluster, and the
 * backends of each database on a local PostgreSQL. Undefined when the run measured neither.
 */
export function renderTemporalCpuTable(cpu: CpuByPhase): string | undefined {
  const steps = Object.values(cpu);
  const columns = DETAIL_COLUMNS.filter(([key]) =>
    steps.some((seconds) => key in seconds && (key !== 'database' || 'postgresServer' in seconds)),
  );
  if (!columns.some(([key]) => key.startsWith('temporal:') || key === 'postgresServer')) return undefined;
  const lines = [
    `| Measured step | calls | ${columns.map(([, heading]) => heading).join(' | ')} | Temporal and its databases | ms per call |`,
    `|---|---:|${columns.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const [step, seconds] of Object.entries(cpu)) {
    const temporal = (seconds.temporal ?? 0) + (seconds.temporalDatabase ?? 0);
    const perCall = seconds.calls ? ((temporal * 1000) / seconds.calls).toFixed(1) : '';
    lines.push(
      `| ${step} | ${seconds.calls ?? ''} | ${columns.map(([key]) => (seconds[key] ?? 0).toFixed(1)).join(' | ')} | ${temporal.toFixed(1)} | ${perCall} |`,
    );
  }
  return lines.join('\n');
}

/** Writes the JSON record and returns its path. */
export function saveResults(results: BenchResults, goals: GoalCheck[], table: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify({ ...results, goals, table }, null, 2)}\n`);
  return path;
}
