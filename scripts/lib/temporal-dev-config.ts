// Reads and validates temporal-dev.yml. An unknown key or a bad value stops with a message that
// names the key, rather than reaching the dev server as a confusing flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ORDER_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { repoRoot } from './paths';
import { parseYamlConfig } from './yaml-config';

const port = z.number().int().min(1).max(65535);
const searchAttributeType = z.enum(['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList']);

const temporalDevConfigSchema = z
  .object({
    cli: z.object({ version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.5.1') }).strict(),
    server: z
      .object({
        ip: z.string().min(1),
        grpcPort: port,
        uiPort: port,
        httpPort: port,
        metricsPort: port,
        dbFile: z
          .string()
          .min(1)
          .refine((p) => !p.startsWith('/'), 'must be relative to the repository root'),
        namespace: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,254}$/, 'must be a valid Temporal namespace name'),
        logLevel: z.enum(['debug', 'info', 'warn', 'error', 'never']),
        sqlitePragmas: z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1)).default({}),
      })
      .strict(),
    searchAttributes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), searchAttributeType),
    dynamicConfig: z.record(z.string().min(1), z.union([z.boolean(), z.number(), z.string()])).default({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const { grpcPort, uiPort, httpPort, metricsPort } = config.server;
    if (new Set([grpcPort, uiPort, httpPort, metricsPort]).size !== 4) {
      ctx.addIssue({ code: 'custom', path: ['server'], message: 'grpcPort, uiPort, httpPort and metricsPort must differ' });
    }
    for (const { name: required } of ORDER_SEARCH_ATTRIBUTES) {
      if (!(required in config.searchAttributes)) {
        ctx.addIssue({ code: 'custom', path: ['searchAttributes', required], message: 'is required by the order workflow' });
      }
    }
  });

export type TemporalDevConfig = z.infer<typeof temporalDevConfigSchema>;

export const temporalDevConfigPath = join(repoRoot, 'temporal-dev.yml');

/** The file `npm start` reads: temporal-dev.yml, or TEMPORAL_DEV_CONFIG (a copy with other ports). */
export const launcherConfigPath = process.env.TEMPORAL_DEV_CONFIG ?? temporalDevConfigPath;

export function parseTemporalDevConfig(text: string, source = 'temporal-dev.yml'): TemporalDevConfig {
  return parseYamlConfig(temporalDevConfigSchema, text, source);
}

export function loadTemporalDevConfig(path = temporalDevConfigPath): TemporalDevConfig {
  return parseTemporalDevConfig(readFileSync(path, 'utf8'), path);
}
