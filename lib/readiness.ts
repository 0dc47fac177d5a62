// Readiness: can this process reach what it needs? Used by the API's /readyz and the worker's.
import type { Client } from '@temporalio/client';
import type { Db } from './db';

type CheckResult = 'ok' | string;

async function withTimeout(check: Promise<unknown>, ms: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]);
    return 'ok';
  } catch (error) {
    return (error as Error).message.split('\n')[0]!.slice(0, 200);
  } finally {
    clearTimeout(timer);
  }
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export async function checkReadiness(checks: Record<string, () => Promise<unknown>>, timeoutMs = 2_000): Promise<Readiness> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => withTimeout(checks[name]!(), timeoutMs)));
  const byName = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
  return { ready: results.every((result) => result === 'ok'), checks: byName };
}

export const databaseCheck = (db: Db) => () => db.$queryRaw`SELECT 1`;
export const temporalCheck = (temporal: Client) => () => temporal.connection.workflowService.getSystemInfo({});
