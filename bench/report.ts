// The results: the goals of the issue, a markdown table for the terminal and the README, and the JSON
// record in bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryPeak } from './process-stats';
import type { BenchOptions } from './options';
import type { LatencySummary } from './stats';

export interface PhaseFigures {
  ours: LatencySummary & { errorSamples: string[] };
  bare?: LatencySummary & { errorSamples: string[] };
}

/** CPU seconds per process tree, wall seconds and calls of each measured step, e.g. "checkout (ours)". */
export type CpuByPhase = Record<string, Record<string, number>>;

export interface BenchResults {
  date: string;
  machine: { cores: number; memoryGiB: number; cpu: string; node: string; platform: string; loadAverageBefore: number; loadAverageAfter: number };
  commit: string;
  command: string;
  options: BenchOptions;
  checkout?: PhaseFigures;
  tracking?: PhaseFigures & { offeredPerSecond: number; maxGeneratorLagMs: number };
  lifecycle?: PhaseFigures;
  memory: Record<string, MemoryPeak>;
  cpuSeconds: CpuByPhase;
}

export interface GoalCheck {
  goal: string;
  actual: string;
  met: boolean;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const ratio = (ours: number, bare: number | undefined) => (bare && Number.isFinite(bare) && bare > 0 ? (ours / bare).toFixed(2) : '');
const mark = (met: boolean) => (met ? 'met' : '**missed**');

export function checkGoals(results: BenchResults): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const latencyGoal = (name: string, figures: PhaseFigures | undefined, limitMs: number) => {
    if (figures) checks.push({ goal: `${name} p95 ≤ ${limitMs} ms`, actual: `${ms(figures.ours.p95)} ms`, met: figures.ours.p95 <= limitMs });
  };
  latencyGoal('tracking', results.tracking, 10);
  latencyGoal('update', results.lifecycle, 50);
  latencyGoal('checkout', results.checkout, 100);
  if (results.lifecycle?.bare) {
    const share = results.lifecycle.ours.perSecond / results.lifecycle.bare.perSecond;
    checks.push({ goal: 'lifecycle throughput ≥ 0.7 × bare', actual: `${share.toFixed(2)} × bare`, met: share >= 0.7 });
  }
  const errors = [results.checkout, results.tracking, results.lifecycle].reduce((sum, figures) => sum + (figures?.ours.errors ?? 0), 0);
  checks.push({ goal: '0 errors', actual: String(errors), met: errors === 0 });
  return checks;
}

function phaseRows(title: string, unit: string, bareUnit: string, figures: PhaseFigures, goals: { latency?: string; throughput?: string }): string[] {
  const { ours, bare } = figures;
  const latency = (summary: LatencySummary) => `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)} / ${ms(summary.max)} ms`;
  const latencyRatios = bare ? [ratio(ours.p50, bare.p50), ratio(ours.p95, bare.p95), ratio(ours.p99, bare.p99), ratio(ours.max, bare.max)].join(' / ') : '';
  return [
    `| ${title} | throughput | ${ours.perSecond.toFixed(1)} ${unit}/s | ${bare ? `${bare.perSecond.toFixed(1)} ${bareUnit}/s` : ''} | ${ratio(ours.perSecond, bare?.perSecond)} | ${goals.throughput ?? ''} |`,
    `| | latency p50 / p95 / p99 / max | ${latency(ours)} | ${bare ? latency(bare) : ''} | ${latencyRatios} | ${goals.latency ?? ''} |`,
    `| | errors | ${ours.errors} of ${ours.count + ours.errors} | ${bare ? `${bare.errors} of ${bare.count + bare.errors}` : ''} | | |`,
  ];
}

export function renderTable(results: BenchResults, goals: GoalCheck[]): string {
  const goalText = (prefix: string) => {
    const check = goals.find((one) => one.goal.startsWith(prefix));
    return check ? `${check.goal}: ${mark(check.met)}` : undefined;
  };
  const { options: o, machine } = results;
  // Anything else busy on the machine skews every figure; say so next to them.
  const busy = machine.loadAverageBefore >= machine.cores / 2 ? ` Other processes were busy: load average ${machine.loadAverageBefore.toFixed(1)} before the run.` : '';
  const lines = [
    `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; commit ${results.commit}.${busy}`,
    '',
    '| Phase | Measure | Ours (HTTP API) | Bare Temporal | Ours / bare | Goal |',
    '|---|---|---|---|---|---|',
  ];
  if (results.checkout) {
    lines.push(...phaseRows(`Checkout: ${o.orders} orders, ${o.concurrency} concurrent`, 'orders', 'starts', results.checkout, { latency: goalText('checkout') }));
  }
  if (results.tracking) {
    const title = `Tracking: ${o.trackers} buyers every ${o.pollEverySeconds} s, ${o.speedup}× faster (${results.tracking.offeredPerSecond.toFixed(0)} polls/s offered)`;
    lines.push(...phaseRows(title, 'polls', 'queries', results.tracking, { latency: goalText('tracking') }));
  }
  if (results.lifecycle) {
    lines.push(
      ...phaseRows(`Lifecycle: ${o.orders} orders × ${4} updates, ${o.concurrency} concurrent`, 'transitions', 'updates', results.lifecycle, {
        latency: goalText('update'),
        throughput: goalText('lifecycle'),
      }),
    );
  }
  const memory = (name: string) => {
    const peak = results.memory[name];
    return peak ? `${peak.peakRssMiB.toFixed(0)} MiB (lifetime ${peak.lifetimePeakMiB.toFixed(0)} MiB)` : '';
  };
  lines.push(`| Memory: peak RSS under load | worker | ${memory('worker')} | ${memory('bareWorker')} | | |`);
  lines.push(`| | API | ${memory('api')} | | | |`);
  lines.push(`| | embedded database | ${memory('database')} | | | |`);
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
  const columns = ['temporal', 'database', 'api', 'worker', 'bareWorker', 'loadGenerator'];
  // Each total counts only the processes its target uses; the other target's processes sit idle.
  const usedBy = { ours: ['temporal', 'database', 'api', 'worker', 'loadGenerator'], bare: ['temporal', 'bareWorker', 'loadGenerator'] };
  const lines = [
    `| Measured step | calls | wall s | ${columns.join(' | ')} | total used | CPU ms per call |`,
    `|---|---:|---:|${columns.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const [step, seconds] of Object.entries(cpu)) {
    const total = usedBy[step.endsWith('(bare)') ? 'bare' : 'ours'].reduce((sum, column) => sum + (seconds[column] ?? 0), 0);
    const perCall = seconds.calls ? ((total * 1000) / seconds.calls).toFixed(1) : '';
    lines.push(`| ${step} | ${seconds.calls ?? ''} | ${seconds.wall?.toFixed(1)} | ${columns.map((column) => (seconds[column] ?? 0).toFixed(1)).join(' | ')} | ${total.toFixed(1)} | ${perCall} |`);
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
