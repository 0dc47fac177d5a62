// The real worker (worker/main.ts) and API (api/main.ts) as child processes, for tests that kill them:
// a SIGKILL is a crash, not a shutdown.
import { createInterface } from 'node:readline';
import { type ManagedChild, spawnManaged } from '../../scripts/lib/child-process';
import { repoRoot } from '../../scripts/lib/paths';
import type { TestStack } from './test-stack';

const SERVICES = {
  worker: { script: 'worker/main.ts', readyLine: 'worker ready' },
  api: { script: 'api/main.ts', readyLine: 'api ready' },
} as const;

/** onLine receives each line the process writes to standard output, for tests that check its logs. */
export async function spawnServiceProcess(
  stack: TestStack,
  service: keyof typeof SERVICES,
  extraEnv: Record<string, string> = {},
  onLine: (line: string) => void = () => {},
): Promise<ManagedChild> {
  const { script, readyLine } = SERVICES[service];
  const child = spawnManaged(service, process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: stack.env.DATABASE_URL,
      TEMPORAL_ADDRESS: stack.env.TEMPORAL_ADDRESS,
      TEMPORAL_NAMESPACE: stack.env.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      // Both announce readiness at info level; the worker keeps the Temporal SDK's lines at warn even so.
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    // Reading every line also keeps the pipe drained while the process runs.
    createInterface({ input: child.process.stdout! }).on('line', (line) => {
      onLine(line);
      if (line.includes(readyLine)) resolve();
    });
    void child.exited.then((code) => reject(new Error(`${service} exited with code ${code} before it was ready`)));
  });
  return child;
}

export function spawnWorkerProcess(
  stack: TestStack,
  extraEnv: Record<string, string> = {},
  onLine?: (line: string) => void,
): Promise<ManagedChild> {
  return spawnServiceProcess(stack, 'worker', extraEnv, onLine);
}
