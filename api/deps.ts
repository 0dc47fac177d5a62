// What every request handler may use. Built once per process by api/main.ts (or a test).
import type { Client } from '@temporalio/client';
import type { Db } from '../lib/db';
import type { Env } from '../lib/env';
import type { Logger } from '../lib/logger';

export interface ApiDeps {
  db: Db;
  temporal: Client;
  env: Pick<
    Env,
    | 'NODE_ENV'
    | 'TEMPORAL_NAMESPACE'
    | 'TEMPORAL_TASK_QUEUE'
    | 'TEMPORAL_UI_URL'
    | 'ALLOWED_ORIGINS'
    | 'TRUSTED_PROXIES'
    | 'SESSION_TTL'
    | 'COOKIE_SECURE'
    | 'ORDER_CONFIRM_WITHIN'
    | 'TRACKING_POLL_INTERVAL'
    | 'LOGIN_MAX_FAILURES'
    | 'LOGIN_WINDOW'
  >;
  logger: Logger;
}
