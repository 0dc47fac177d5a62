// Well-known locations of the project, so that no script guesses them from its own cwd.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Where `npm start` keeps its databases; DATA_DIR moves it (the benchmark's idle phase uses a fresh one). */
export const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(repoRoot, '.data');

/** Per-user cache shared by every clone on the machine, so CI reuses a Temporal CLI built earlier. */
export const userCacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'order-orchestration');

/**
 * What scripts/build-services.ts builds for `npm start`. One level below the repository root, like api/
 * and worker/, so the paths the services resolve from their own location (the built web app, the
 * workflow sources) stay the same.
 */
export const servicesDir = join(repoRoot, 'dist');
export const workflowBundlePath = join(servicesDir, 'workflows.js');
export const serviceEntryPoints = { api: join(servicesDir, 'api.mjs'), worker: join(servicesDir, 'worker.mjs') };
/** Migrations and the demo seed (scripts/db-setup.ts), compiled. */
export const dbSetupEntryPoint = join(servicesDir, 'db-setup.mjs');
