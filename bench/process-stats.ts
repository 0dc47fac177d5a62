// Memory and CPU of the stack's processes, from /proc. Memory: the resident set of each process tree
// sampled while the load runs, and the kernel's lifetime high-water mark (VmHWM) of its main process.
// CPU: user + system time of each tree, read between phases to show where the time of a phase went.
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryPeak {
  /** Highest resident set of the process and its descendants seen while sampling, in MiB. */
  peakRssMiB: number;
  /** VmHWM of the main process: its peak since it started, start-up included, in MiB. */
  lifetimePeakMiB: number;
}

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat times; 100 on Linux. */
const CLOCK_TICKS = 100;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process has exited
  }
}

function statusFieldKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) : 0;
}

function cpuTicks(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, plus cutime and cstime: the time of children that exited and were waited for,
  // such as PostgreSQL backends whose connection closed. Live children are counted on their own.
  return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

/** The pids of every process under `pid`, itself first. */
export function descendantsAndSelf(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = read(`/proc/${pids[i]}/task/${task}/children`)?.trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    }
  }
  return pids;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The PostgreSQL server on this machine, if any: the `postgres` process whose parent is not one, whose
 * descendants are the backends. The benchmark charges its CPU to the database when DATABASE_URL points
 * at a local server.
 */
export function findPostmaster(): number | undefined {
  const commandOf = (pid: string) => read(`/proc/${pid}/comm`)?.trim();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    if (commandOf(pid) !== 'postgres') continue;
    const parent = /^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
    if (parent && commandOf(parent) !== 'postgres') return Number(pid);
  }
  return undefined;
}

/** Our own services, whose memory together has a goal: the worker, the API and the embedded database. */
const SERVICE_PROCESSES = ['worker', 'api', 'database'];
/** The name under which the peak of their summed resident sets is reported. */
export const SERVICES_TOGETHER = 'worker + api + database';

export function startProcessSampler(targets: Record<string, number | undefined>, intervalMs = 100) {
  const named = Object.entries(targets).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const peaksKiB = new Map<string, number>();
  const rssKiB = (pid: number) => descendantsAndSelf(pid).reduce((sum, one) => sum + statusFieldKiB(one, 'VmRSS'), 0);
  const sampleMemory = () => {
    let together = 0;
    for (const [name, pid] of named) {
      const rss = rssKiB(pid);
      peaksKiB.set(name, Math.max(peaksKiB.get(name) ?? 0, rss));
      if (SERVICE_PROCESSES.includes(name)) together += rss;
    }
    // The services' peaks need not coincide, so their sum is sampled as one figure too.
    peaksKiB.set(SERVICES_TOGETHER, Math.max(peaksKiB.get(SERVICES_TOGETHER) ?? 0, together));
  };
  sampleMemory();
  const timer = setInterval(sampleMemory, intervalMs);
  return {
    /** CPU seconds used so far by each process tree. */
    cpuSeconds(): Record<string, number> {
      return Object.fromEntries(
        named.map(([name, pid]) => [name, descendantsAndSelf(pid).reduce((sum, one) => sum + cpuTicks(one), 0) / CLOCK_TICKS]),
      );
    },
    /** The resident set of each process tree now, in MiB. */
    currentRssMiB(): Record<string, number> {
      return Object.fromEntries(named.map(([name, pid]) => [name, round1(rssKiB(pid) / 1024)]));
    },
    /** Stops sampling and returns the memory peaks; call it while the processes are still running. */
    finish(): Record<string, MemoryPeak> {
      clearInterval(timer);
      sampleMemory();
      return {
        ...Object.fromEntries(
          named.map(([name, pid]) => [
            name,
            { peakRssMiB: round1((peaksKiB.get(name) ?? 0) / 1024), lifetimePeakMiB: round1(statusFieldKiB(pid, 'VmHWM') / 1024) },
          ]),
        ),
        [SERVICES_TOGETHER]: { peakRssMiB: round1((peaksKiB.get(SERVICES_TOGETHER) ?? 0) / 1024), lifetimePeakMiB: 0 },
      };
    },
  };
}

/** CPU seconds each process tree used between two readings. */
export function cpuBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([name, seconds]) => [name, Math.round((seconds - (before[name] ?? 0)) * 100) / 100]),
  );
}
