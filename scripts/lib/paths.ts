// Well-known locations of the project, so that no script guesses them from its own cwd.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const dataDir = join(repoRoot, '.data');

/** Per-user cache shared by every clone on the machine, so CI reuses a Temporal CLI built earlier. */
export const userCacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'order-orchestration');
