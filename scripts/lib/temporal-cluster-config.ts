// Reads and validates temporal-cluster.yml, the pinned versions and the layout of `npm run cluster`. An
// unknown key or a bad value stops with a message that names it.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths';
import { parseYamlConfig } from './yaml-config';

const port = z.number().int().min(1).max(65535);
const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.29.1');
const databaseName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier');
// Temporal stores membership ports in a smallint column.
const membershipPort = port.max(32767, 'must be below 32768 (Temporal stores it as a smallint)');
const serviceRpc = z.object({ grpcPort: port, membershipPort, metricsPort: port }).strict();

export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

const temporalClusterConfigSchema = z
  .object({
    versions: z.object({ server: version, ui: version }).strict(),
    temporal: z
      .object({
        ip: z.string().refine((value) => isIP(value) !== 0, 'must be an IP address, like 127.0.0.1'),
        namespace: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,254}$/, 'must be a valid Temporal namespace name'),
        retention: z.string().regex(/^\d+h$/, 'must be a whole number of hours, like 72h'),
        historyShards: z.number().int().min(1).max(16384),
        logLevel: z.enum(['debug', 'info', 'warn', 'error']),
        services: z
          .object({
            frontend: serviceRpc.extend({ httpPort: port }).strict(),
            history: serviceRpc,
            matching: serviceRpc,
            worker: serviceRpc,
          })
          .strict(),
        uiPort: port,
        maxConnections: z.object({ persistence: z.number().int().min(1), visibility: z.number().int().min(1) }).strict(),
        dynamicConfig: z.record(z.string().min(1), z.union([z.boolean(), z.number(), z.string()])).default({}),
      })
      .strict(),
    postgres: z.object({ temporalDatabase: databaseName, visibilityDatabase: databaseName, appDatabase: databaseName }).strict(),
    service: z
      .object({
        frontPort: port,
        apiPorts: z.array(port).min(1),
        workerOpsPorts: z.array(port).min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ports = clusterPorts(config);
    const seen = new Map<number, string>();
    for (const [name, value] of Object.entries(ports)) {
      const other = seen.get(value);
      if (other) ctx.addIssue({ code: 'custom', path: [], message: `${name} and ${other} both use port ${value}` });
      seen.set(value, name);
    }
  });

export type TemporalClusterConfig = z.infer<typeof temporalClusterConfigSchema>;

/** Every port the stack binds, by a name that an error message can show. */
export function clusterPorts(config: Pick<TemporalClusterConfig, 'temporal' | 'service'>): Record<string, number> {
  const ports: Record<string, number> = {};
  for (const service of TEMPORAL_SERVICES) {
    const { grpcPort, membershipPort, metricsPort } = config.temporal.services[service];
    Object.assign(ports, {
      [`Temporal ${service} gRPC`]: grpcPort,
      [`Temporal ${service} membership`]: membershipPort,
      [`Temporal ${service} metrics`]: metricsPort,
    });
  }
  ports['Temporal frontend HTTP'] = config.temporal.services.frontend.httpPort;
  ports['Temporal UI'] = config.temporal.uiPort;
  ports.front = config.service.frontPort;
  for (const [i, value] of config.service.apiPorts.entries()) ports[`API ${i + 1}`] = value;
  for (const [i, value] of config.service.workerOpsPorts.entries()) ports[`worker ${i + 1} health`] = value;
  return ports;
}

const temporalClusterConfigPath = join(repoRoot, 'temporal-cluster.yml');

export function parseTemporalClusterConfig(text: string, source = 'temporal-cluster.yml'): TemporalClusterConfig {
  return parseYamlConfig(temporalClusterConfigSchema, text, source);
}

export function loadTemporalClusterConfig(path = temporalClusterConfigPath): TemporalClusterConfig {
  return parseTemporalClusterConfig(readFileSync(path, 'utf8'), path);
}
