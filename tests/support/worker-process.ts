// The real worker process (worker/main.ts) for tests that kill it: a SIGKILL is a crash, not a shutdown.
import { createInterface } from 'node:readline';
import { spawnManaged, type ManagedChild } from '../../scripts/lib/child-process';
import { repoRoot } from '../../scripts/lib/paths';
import type { TestStack } from './test-stack';

export async function spawnWorkerProcess(stack: TestStack, extraEnv: Record<string, string> = {}): Promise<ManagedChild> {
  const child = spawnManaged('worker', process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: stack.env.DATABASE_URL,
      TEMPORAL_ADDRESS: stack.env.TEMPORAL_ADDRESS,
      TEMPORAL_NAMESPACE: stack.env.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.process.stdout! }).on('line', (line) => line.includes('worker ready') && resolve());
    void child.exited.then((code) => reject(new Error(`worker exited with code ${code} before it was ready`)));
  });
  return child;
}
