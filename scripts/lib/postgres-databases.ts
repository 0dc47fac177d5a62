// A PostgreSQL server as the cluster launcher and its tests see it: an endpoint with a role that may
// create databases, and the databases it creates on it.
import pg from 'pg';

export interface PostgresEndpoint {
  host: string;
  port: number;
  /** A role that may create databases. */
  user: string;
  password: string;
}

export function endpointFromUrl(url: string): PostgresEndpoint & { database: string } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

export function databaseUrl(endpoint: PostgresEndpoint, database: string): string {
  const { host, port, user, password } = endpoint;
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
}

/** Creates the databases that do not exist yet, owned by the endpoint's role, and returns their names. */
export async function createMissingDatabases(endpoint: PostgresEndpoint, names: string[]): Promise<string[]> {
  const client = new pg.Client({ ...endpoint, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
    const missing = names.filter((name) => !rows.some((row) => row.datname === name));
    // Identifiers cannot be bound parameters.
    for (const name of missing) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return missing;
  } finally {
    await client.end();
  }
}

/** Whether temporal-sql-tool has set up its version table in `database` (a first run may have died before). */
export async function hasSchemaVersion(endpoint: PostgresEndpoint, database: string): Promise<boolean> {
  const client = new pg.Client({ ...endpoint, database });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string | null }>("SELECT to_regclass('schema_version') AS found");
    return rows[0]?.found != null;
  } finally {
    await client.end();
  }
}
