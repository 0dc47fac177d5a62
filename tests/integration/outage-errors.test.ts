// Which failures the API answers as "briefly unavailable" (SERVICE_UNAVAILABLE, retryable), judged by the
// error classes and codes of the Temporal SDK, Prisma and pg: each error here is a real one, raised by the
// real client against a service that is missing, cuts the connection or refuses the request.
import { createServer, type Server } from 'node:net';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { TRPCError } from '@trpc/server';
import { afterAll, expect, inject, test } from 'vitest';
import { toTRPCError, UNAVAILABLE_MESSAGE } from '../../api/errors';
import { createDb, type Db } from '../../lib/db';
import { startTcpProxy } from '../faults/support/tcp-proxy';

const shared = inject('stack');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.allSettled(cleanups.map((cleanup) => cleanup()));
});

function dbAt(url: string): Db {
  const db = createDb(url, 1);
  cleanups.push(() => db.$disconnect());
  return db;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => new Error('Expected the call to fail, but it succeeded'),
    (caught: unknown) => caught,
  );
  return toTRPCError(error);
}

function expectUnavailable(mapped: TRPCError): void {
  expect(mapped.code, String(mapped.cause)).toBe('SERVICE_UNAVAILABLE');
  expect(mapped.message).toBe(UNAVAILABLE_MESSAGE);
}

function withDatabase(url: string, port: number): string {
  const target = new URL(url);
  target.hostname = '127.0.0.1';
  target.port = String(port);
  return target.toString();
}

test('a database nobody listens on (Prisma P1001) is unavailable', async () => {
  const closed = createServer();
  const port = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  expectUnavailable(await failureOf(dbAt(withDatabase(shared.databaseUrl, port)).user.count()));
});

test('a database that hangs up on each new connection (a codeless pg error) is unavailable', async () => {
  const port = await listen(createServer((socket) => socket.destroy()));
  const db = dbAt(withDatabase(shared.databaseUrl, port));
  expectUnavailable(await failureOf(db.user.count()));
  expectUnavailable(await failureOf(db.$transaction([db.user.count()])));
});

test('a connection lost in the middle of a query is unavailable', async () => {
  const { hostname, port } = new URL(shared.databaseUrl);
  const proxy = await startTcpProxy({ host: hostname, port: Number(port) });
  cleanups.push(() => proxy.close());
  const db = dbAt(withDatabase(shared.databaseUrl, Number(proxy.address.split(':')[1])));
  expect(await db.user.count()).toBeGreaterThan(0);
  // The query is on its way when the network between the API and the database goes.
  proxy.stall();
  const query = failureOf(db.user.count());
  await proxy.close();
  expectUnavailable(await query);
});

test('a Temporal server nobody listens on (gRPC UNAVAILABLE) is unavailable', async () => {
  const connection = Connection.lazy({
    address: '127.0.0.1:1',
    connectTimeout: 500,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 1 }))],
  });
  cleanups.push(() => connection.close());
  const temporal = new Client({ connection, namespace: shared.namespace });
  expectUnavailable(await failureOf(temporal.workflow.getHandle('order-ORD-20261127-AAAAAA').describe()));
});

test('what is wrong with the request itself is not an outage', async () => {
  const connection = await Connection.connect({ address: shared.temporalAddress });
  cleanups.push(() => connection.close());
  const temporal = new Client({ connection, namespace: shared.namespace });
  expect((await failureOf(temporal.workflow.getHandle('order-ORD-20261127-AAAAAA').describe())).code).toBe('NOT_FOUND');

  const db = dbAt(shared.databaseUrl);
  const someone = (await db.user.findFirstOrThrow()).email;
  // A second account with the same email: a unique-key violation (P2002), a request the database refuses.
  const duplicate = await failureOf(db.user.create({ data: { email: someone, name: 'Duplicate', passwordHash: 'x', role: 'buyer' } }));
  expect(duplicate.code).toBe('INTERNAL_SERVER_ERROR');
  expect((await failureOf(Promise.reject(new Error('Connection terminated by a bug of ours')))).code).toBe('INTERNAL_SERVER_ERROR');
  expect((await failureOf(Promise.reject(new TypeError('Connection terminated unexpectedly')))).code).toBe('INTERNAL_SERVER_ERROR');
});
