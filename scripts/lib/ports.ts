// Port helpers: free ports for tests and benchmarks, and a check that names a taken port up front.
import { createServer } from 'node:net';
import { freePort } from '../../lib/free-port';

export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort(host));
  return [...ports];
}

function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * Free ports between `min` and `max`, for a program that cannot take any port: Temporal keeps its
 * membership ports in a smallint column, so they must stay below 32768, under Linux's ephemeral range.
 */
export async function freePortsInRange(count: number, min: number, max: number, host = '127.0.0.1'): Promise<number[]> {
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count && attempt < 1000; attempt++) {
    const port = min + Math.floor(Math.random() * (max - min + 1));
    if (!ports.has(port) && (await isPortFree(port, host))) ports.add(port);
  }
  if (ports.size < count) throw new Error(`Found only ${ports.size} of ${count} free ports between ${min} and ${max}`);
  return [...ports];
}

/** Throws an error naming every taken port, so the launcher can stop before starting anything. */
export async function assertPortsFree(ports: Record<string, number>, host = '127.0.0.1', configFile = 'temporal-dev.yml'): Promise<void> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isPortFree(port, host))) taken.push(`${name} port ${port}`);
  }
  if (taken.length) {
    throw new Error(
      `Port already in use: ${taken.join(', ')} on ${host}. Stop whatever holds it, or change it in ${configFile} or the environment.`,
    );
  }
}
