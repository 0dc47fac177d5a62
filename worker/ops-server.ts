// The worker's operations endpoints: /healthz (the process is up), /readyz (the worker is polling and
// can reach the database and Temporal) and /metrics (Temporal SDK metrics plus Node process metrics,
// in Prometheus format).
import { createServer, type Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Db } from '../lib/db';
import { checkReadiness, databaseCheck, temporalCheck } from '../lib/readiness';

export interface WorkerOpsOptions {
  worker: Worker;
  db: Db;
  temporal: Client;
  /** Where the SDK's own Prometheus exporter listens (see Runtime telemetry options). */
  sdkMetricsUrl: string;
}

export function createWorkerOpsServer({ worker, db, temporal, sdkMetricsUrl }: WorkerOpsOptions): Server {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'worker_' });
  const checks = {
    worker: async () => {
      if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}`);
    },
    database: databaseCheck(db),
    temporal: temporalCheck(temporal),
  };
  return createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (path === '/healthz') return send(200, 'application/json', JSON.stringify({ status: 'ok', worker: worker.getState() }));
    if (path === '/readyz') {
      const { ready, checks: results } = await checkReadiness(checks);
      return send(ready ? 200 : 503, 'application/json', JSON.stringify({ status: ready ? 'ready' : 'unavailable', checks: results }));
    }
    if (path === '/metrics') {
      const sdk = await fetch(sdkMetricsUrl).then(
        (response) => response.text(),
        () => '',
      );
      return send(200, registry.contentType, `${sdk}\n${await registry.metrics()}`);
    }
    send(404, 'application/json', JSON.stringify({ error: 'Not found' }));
  });
}
