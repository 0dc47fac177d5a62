// Debian's PostgreSQL clusters (postgresql-common: pg_createcluster, pg_ctlcluster), driven as root the
// way an operator does. `npm run cluster` uses the `main` cluster; the cluster fault tests create one of
// their own, so that restarting it disturbs nothing else.
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DebianCluster {
  version: string;
  name: string;
  port: number;
}

function newestVersion(): string {
  let versions: string[];
  try {
    versions = readdirSync('/usr/lib/postgresql');
  } catch {
    throw new Error("PostgreSQL is not installed ('apt-get install postgresql'), and DATABASE_URL is not set.");
  }
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error("PostgreSQL is not installed ('apt-get install postgresql'), and DATABASE_URL is not set.");
  return newest;
}

/** Every Debian PostgreSQL cluster on the machine, running or not. */
export function listDebianClusters(): DebianCluster[] {
  const rows = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n');
  return rows
    .map((line) => line.trim().split(/\s+/))
    .filter(([version, name, port]) => version && name && port)
    .map(([version, name, port]) => ({ version: version!, name: name!, port: Number(port) }));
}

const findCluster = (version: string, name: string) => listDebianClusters().find((one) => one.version === version && one.name === name);

/** Creates the cluster if it does not exist (on `port`, when given) and starts it. */
export async function ensureDebianCluster(name = 'main', port?: number): Promise<DebianCluster> {
  const version = newestVersion();
  if (!findCluster(version, name)) {
    execFileSync('pg_createcluster', [...(port ? ['-p', String(port)] : []), version, name], { stdio: 'ignore' });
  }
  const cluster = findCluster(version, name)!;
  await controlDebianCluster(cluster, 'start');
  return cluster;
}

/**
 * Starts or stops a cluster, without blocking the event loop, so that the processes of the caller meet
 * an outage it causes. `immediate` stops without a checkpoint, as a crash or a power cut does; every
 * client loses its connections either way. Starting a running cluster is not an error.
 */
export async function controlDebianCluster(cluster: DebianCluster, action: 'start' | 'stop', mode: 'fast' | 'immediate' = 'fast') {
  const args = [cluster.version, cluster.name, action, ...(action === 'start' ? [] : ['-m', mode])];
  try {
    await run('pg_ctlcluster', args);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const output = `${stdout ?? ''}${stderr ?? ''}`.trim();
    if (!(action === 'start' && /already running/i.test(output))) throw new Error(`pg_ctlcluster ${args.join(' ')} failed: ${output}`);
  }
}

/** Runs SQL as the `postgres` superuser over the local socket (peer authentication). */
function psqlAsSuperuser(cluster: DebianCluster, sql: string): void {
  execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-q', '-X', '-p', String(cluster.port), '-v', 'ON_ERROR_STOP=1'], {
    input: sql,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

/** A login role with CREATEDB, created or given this password (an existing role keeps its other rights). */
export function ensureLoginRole(cluster: DebianCluster, role: string, password: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(role) || /'/.test(password)) throw new Error(`Unsafe role name or password for ${role}`);
  psqlAsSuperuser(
    cluster,
    `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN CREATEDB; END IF;
    END $$;
    ALTER ROLE ${role} LOGIN CREATEDB PASSWORD '${password}';`,
  );
}

export function dropDebianCluster(cluster: DebianCluster): void {
  execFileSync('pg_dropcluster', ['--stop', cluster.version, cluster.name], { stdio: 'ignore' });
}
