// What `npm start` and `npm run cluster` share: the build, the database setup in a child process, the
// services run with plain node and watched, and one orderly shutdown on Ctrl-C or on any service's exit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STORES } from '../../prisma/seed';
import { answersOk, type ManagedChild, spawnManaged, waitFor } from './child-process';
import { dbSetupEntryPoint, repoRoot } from './paths';
import { type Service, serviceCommand } from './service-runtime';

export interface Launcher {
  step(message: string): void;
  /** Registers something to stop on shutdown; stops run in reverse order of registration. */
  onStop(stop: () => Promise<void>): void;
  shutdown(code: number): Promise<never>;
  /** Builds the web app and the services (API, worker, workflow bundle, database tool) into dist/. */
  build(): void;
  /** Applies migrations and the demo data with the compiled database tool. */
  setUpDatabase(databaseUrl: string): Promise<void>;
  /**
   * Runs a built service with plain node and prefixed output; resolves once its readiness endpoint
   * answers (not on a log line, which LOG_LEVEL may hide). A later exit stops the stack, or, with
   * `restart`, starts the service again (up to 3 times a minute).
   */
  startService(service: Service, label: string, env: NodeJS.ProcessEnv, readyUrl: string, options?: { restart?: boolean }): Promise<void>;
  /** Prints what is running, each row a label and its URLs, then the demo logins. */
  announce(title: string, rows: [label: string, value: string][]): void;
  /** Runs the launcher's main function; a failure is printed in words and stops what was started. */
  run(main: () => Promise<void>): void;
}

export function createLauncher(): Launcher {
  const stops: (() => Promise<void>)[] = [];
  let shuttingDown = false;

  async function shutdown(code: number): Promise<never> {
    if (!shuttingDown) {
      shuttingDown = true;
      console.log('\nStopping...');
      // Children stop in reverse start order: API and worker first, then the servers they use.
      for (const stop of stops.reverse()) await stop().catch((error) => console.error(String(error)));
    }
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const step = (message: string) => console.log(`▸ ${message}`);
  const onStop = (stop: () => Promise<void>) => void stops.push(stop);

  return {
    step,
    onStop,
    shutdown,
    build() {
      step('Building the web app');
      const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
      const web = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
      if (web.status !== 0) throw new Error('Building the web app failed.');
      step('Building the API, the worker, the database tool and the workflow bundle');
      // In a child process, so that webpack's and esbuild's memory leaves with it.
      const services = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-services.ts'], { cwd: repoRoot, stdio: 'inherit' });
      if (services.status !== 0) throw new Error('Building the services failed.');
    },
    async setUpDatabase(databaseUrl) {
      step('Applying migrations and demo data');
      // In a child process, so that Prisma's memory leaves with it; asynchronously, since an embedded
      // database it talks to may run on this process's event loop.
      const child = spawnManaged('database setup', process.execPath, [dbSetupEntryPoint], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: 'inherit',
      });
      onStop(() => child.stop());
      const code = await child.exited;
      if (code !== 0) throw new Error(`Applying migrations and demo data failed (exit code ${code}).`);
    },
    async startService(service, label, baseEnv, readyUrl, { restart = false } = {}) {
      const { args, env } = serviceCommand(service, baseEnv);
      let child: ManagedChild | undefined;
      onStop(async () => child?.stop());
      const restarts: number[] = [];

      const startOnce = async (): Promise<void> => {
        const current = spawnManaged(label, process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
        child = current;
        for (const stream of [current.process.stdout!, current.process.stderr!]) {
          createInterface({ input: stream }).on('line', (line) => {
            if (process.env.LOG_LEVEL === 'debug' || !/"level":"(info|debug)"/.test(line)) console.log(`[${label}] ${line}`);
          });
        }
        let ready = false;
        let exitCode: number | null | undefined;
        void current.exited.then((code) => {
          exitCode = code;
          if (shuttingDown || !ready) return;
          // A supervisor's restart, as systemd's Restart=always does; a service that keeps dying stops
          // the stack instead of restarting forever.
          const now = Date.now();
          restarts.push(now);
          if (restart && restarts.filter((at) => now - at < 60_000).length <= 3) {
            console.error(`${label} exited with code ${code}; starting it again`);
            setTimeout(() => {
              if (shuttingDown) return;
              startOnce().catch((error: Error) => {
                console.error(`${label} did not start again: ${error.message}`);
                void shutdown(1);
              });
            }, 1_000);
            return;
          }
          console.error(`${label} exited with code ${code}`);
          void shutdown(1);
        });
        // The worker loads its workflow bundle and connects before it polls; on a busy machine that takes a while.
        await waitFor(`the ${label}`, answersOk(readyUrl), 180_000, 250, () =>
          exitCode === undefined ? undefined : new Error(`${label} exited with code ${exitCode}`),
        );
        ready = true;
      };
      await startOnce();
    },
    announce(title, rows) {
      const width = Math.max(...rows.map(([label]) => label.length)) + 2;
      const lines = rows.map(([label, value]) => `    ${`${label}:`.padEnd(width)}${value}`);
      console.log(`\n  ${title}\n\n${lines.join('\n')}\n\n${demoLogins()}\n\n  Press Ctrl-C to stop.\n`);
    },
    run(main) {
      main().catch(async (error: Error) => {
        console.error(`\n${error.message}`);
        await shutdown(1);
      });
    },
  };
}

/** The seeded accounts, for the banner a launcher prints once the stack is up. */
function demoLogins(): string {
  const lines = DEMO_ACCOUNTS.map((account) => {
    const store = 'store' in account ? `(${DEMO_STORES.find(({ slug }) => slug === account.store)?.name})` : '';
    return `    ${account.role.padEnd(6)}  ${account.email.padEnd(22)} ${store}`;
  });
  return `  Demo logins (password: ${DEMO_PASSWORD}):\n${lines.join('\n')}`;
}
