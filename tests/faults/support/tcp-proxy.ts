// A TCP proxy that can stall: while stalled, bytes from clients are held back, so every request through
// it hangs as on a partitioned network. The servers behind it are the real ones.
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  address: string;
  stall(): void;
  /** Sends what was held back and forwards everything again. */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let stalled = false;
  const links = new Set<{ client: Socket; upstream: Socket; held: Buffer[] }>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const link = { client, upstream, held: [] as Buffer[] };
    links.add(link);
    client.on('data', (chunk: Buffer) => (stalled ? link.held.push(chunk) : upstream.write(chunk)));
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const link of links) for (const chunk of link.held.splice(0)) link.upstream.write(chunk);
    },
    async close() {
      for (const { client, upstream } of links) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
