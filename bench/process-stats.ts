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

/** User and system time of the process itself, in clock ticks; undefined once it has exited. */
function ownCpuTicks(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
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
 * descendants are the backends. With `port`, the one listening there (the port its data directory's
 * postmaster.pid records), since other servers may run beside it; without, the first found.
 */
export function findPostmaster(port?: number): number | undefined {
  const commandOf = (pid: string) => read(`/proc/${pid}/comm`)?.trim();
  const postmasters = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && commandOf(name) === 'postgres')
    .filter((pid) => {
      const parent = /^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
      return parent !== undefined && commandOf(parent) !== 'postgres';
    });
  // The server runs in its data directory; the fourth line of postmaster.pid is its port.
  const listensOn = (pid: string) => read(`/proc/${pid}/cwd/postmaster.pid`)?.split('\n')[3]?.trim() === String(port);
  const found = port === undefined ? postmasters[0] : postmasters.find(listensOn);
  return found === undefined ? undefined : Number(found);
}

/**
 * The database a PostgreSQL backend serves, from the title it sets once its client is authenticated:
 * "postgres: [cluster: ]user database host(port) state". Undefined for the server's own processes and
 * for a backend that has not set its title yet.
 */
export function backendDatabase(title: string): string | undefined {
  return /^postgres: (?:\S+: )?\S+ (\S+) (?:[\d.:a-f]+\(\d+\)|\[local\])/.exec(title)?.[1];
}

/**
 * CPU of a local PostgreSQL server's backends, by the database each serves. Sampled, so that a backend
 * which exits keeps the CPU it had at its last sample (its last moments are lost, and its time would
 * otherwise go to the postmaster's children's time, which names no database).
 */
function postgresBackendCpu(postmaster: number, columns: Record<string, string>) {
  const columnOfDatabase = new Map(Object.entries(columns).map(([column, database]) => [database, column]));
  /** Backends identified so far: their column, or null when they serve another database. */
  const identified = new Map<number, string | null>();
  const ticksByBackend = new Map<number, { column: string; ticks: number }>();
  const sample = () => {
    const children = read(`/proc/${postmaster}/task/${postmaster}/children`)?.trim();
    for (const pid of children ? children.split(/\s+/).map(Number) : []) {
      if (!identified.has(pid)) {
        const database = backendDatabase((read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ').trim());
        if (database !== undefined) identified.set(pid, columnOfDatabase.get(database) ?? null);
      }
      const column = identified.get(pid);
      if (!column) continue;
      const ticks = ownCpuTicks(pid);
      if (ticks !== undefined) ticksByBackend.set(pid, { column, ticks });
    }
  };
  return {
    sample,
    cpuSeconds(): Record<string, number> {
      sample();
      const seconds: Record<string, number> = Object.fromEntries(Object.keys(columns).map((column) => [column, 0]));
      for (const { column, ticks } of ticksByBackend.values()) seconds[column]! += ticks / CLOCK_TICKS;
      return seconds;
    },
  };
}

/** Our own services, whose memory together has a goal: the worker, the API and the embedded database. */
const SERVICE_PROCESSES = ['worker', 'api', 'database'];
/** The name under which the peak of their summed resident sets is reported. */
export const SERVICES_TOGETHER = 'worker + api + database';

export interface SampledProcesses {
  /** Process trees whose CPU and resident set are read, by name. */
  processes: Record<string, number | undefined>;
  /**
   * Names that stand for the sum of others, e.g. `temporal` for the four processes of a Temporal
   * cluster: their CPU is the sum of their members', their resident set the members' sampled together.
   */
  groups?: Record<string, string[]>;
  /** Process trees whose CPU only is read: a PostgreSQL server, whose backends share their buffers. */
  cpuOnly?: Record<string, number | undefined>;
  /** The backends of a local PostgreSQL server, by the database they serve: name → database. */
  postgres?: { postmaster: number; databases: Record<string, string> };
}

export function startProcessSampler({ processes, groups = {}, cpuOnly = {}, postgres }: SampledProcesses, intervalMs = 100) {
  const defined = (targets: Record<string, number | undefined>) =>
    Object.entries(targets).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const named = defined(processes);
  const cpuNamed = [...named, ...defined(cpuOnly)];
  const backends = postgres ? postgresBackendCpu(postgres.postmaster, postgres.databases) : undefined;
  const memoryGroups = Object.entries(groups).filter(([, members]) => members.some((member) => processes[member] !== undefined));
  const peaksKiB = new Map<string, number>();
  const rssKiB = (pid: number) => descendantsAndSelf(pid).reduce((sum, one) => sum + statusFieldKiB(one, 'VmRSS'), 0);
  const sampleMemory = () => {
    let together = 0;
    const sampled = new Map<string, number>();
    for (const [name, pid] of named) {
      const rss = rssKiB(pid);
      sampled.set(name, rss);
      peaksKiB.set(name, Math.max(peaksKiB.get(name) ?? 0, rss));
      if (SERVICE_PROCESSES.includes(name)) together += rss;
    }
    for (const [group, members] of memoryGroups) {
      const rss = members.reduce((sum, member) => sum + (sampled.get(member) ?? 0), 0);
      peaksKiB.set(group, Math.max(peaksKiB.get(group) ?? 0, rss));
    }
    // The services' peaks need not coincide, so their sum is sampled as one figure too.
    peaksKiB.set(SERVICES_TOGETHER, Math.max(peaksKiB.get(SERVICES_TOGETHER) ?? 0, together));
  };
  const sample = () => {
    sampleMemory();
    backends?.sample();
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  const peak = (name: string, lifetimeKiB: number): MemoryPeak => ({
    peakRssMiB: round1((peaksKiB.get(name) ?? 0) / 1024),
    lifetimePeakMiB: round1(lifetimeKiB / 1024),
  });
  return {
    /** CPU seconds used so far by each process tree, each group and each database's backends. */
    cpuSeconds(): Record<string, number> {
      const seconds: Record<string, number> = {
        ...Object.fromEntries(
          cpuNamed.map(([name, pid]) => [name, descendantsAndSelf(pid).reduce((sum, one) => sum + cpuTicks(one), 0) / CLOCK_TICKS]),
        ),
        ...backends?.cpuSeconds(),
      };
      for (const [group, members] of Object.entries(groups)) {
        if (members.some((member) => member in seconds)) seconds[group] = members.reduce((sum, member) => sum + (seconds[member] ?? 0), 0);
      }
      return seconds;
    },
    /** The resident set of each process tree now, in MiB. */
    currentRssMiB(): Record<string, number> {
      return Object.fromEntries(named.map(([name, pid]) => [name, round1(rssKiB(pid) / 1024)]));
    },
    /**
     * Stops sampling and returns the memory peaks; call it while the processes are still running. A
     * group's lifetime peak is the sum of its members' lifetime peaks, which need not have coincided.
     */
    finish(): Record<string, MemoryPeak> {
      clearInterval(timer);
      sample();
      const lifetimeKiB = (name: string) => (processes[name] === undefined ? 0 : statusFieldKiB(processes[name], 'VmHWM'));
      return {
        ...Object.fromEntries(named.map(([name]) => [name, peak(name, lifetimeKiB(name))])),
        ...Object.fromEntries(
          memoryGroups.map(([group, members]) => [
            group,
            peak(
              group,
              members.reduce((sum, member) => sum + lifetimeKiB(member), 0),
            ),
          ]),
        ),
        [SERVICES_TOGETHER]: peak(SERVICES_TOGETHER, 0),
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
