// Spawning and stopping long-running children as process groups, so that nothing is left orphaned
// (the dev server and `tsx` both start grandchildren).
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/**
 * Children run in their own process group, so stop() reaches their grandchildren too. That also means a
 * parent killed without warning (SIGKILL, an OOM kill, a CI timeout) cannot take them along, so a tiny
 * detached reaper kills the group once the parent is gone. It is a POSIX shell loop rather than a Node
 * process: about 1 MiB of memory instead of about 40 for each child.
 */
function reapWhenParentDies(childPid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do kill -0 -${childPid} 2>/dev/null || exit 0; sleep 1; done; kill -KILL -${childPid} 2>/dev/null`;
  spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedChild {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) reapWhenParentDies(child.pid);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  return {
    name,
    process: child,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL');
    },
  };
}

/**
 * A probe for waitFor: true once `url` answers with a 2xx status. `timeoutMs` bounds each request, so that
 * a server that accepts connections but does not answer yet costs one attempt, not the whole wait.
 */
export function answersOk(url: string, timeoutMs?: number): () => Promise<true | undefined> {
  return async () => ((await fetch(url, timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {})).ok ? true : undefined);
}

/**
 * Polls `probe` until it returns a value. `failFast` ends the wait at once when it returns an error,
 * e.g. because the process being waited for has exited.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 200,
  failFast: () => Error | undefined = () => undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const fatal = failFast();
    if (fatal) throw new Error(`${what} failed: ${fatal.message}`);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
