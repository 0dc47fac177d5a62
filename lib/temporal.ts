// One way to connect to Temporal for the API, the worker and the tools. Temporal's own environment
// configuration (@temporalio/envconfig) reads the standard variables: TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS, TEMPORAL_TLS_CLIENT_CERT_PATH,
// TEMPORAL_TLS_CLIENT_KEY_PATH, TEMPORAL_TLS_SERVER_CA_CERT_PATH, TEMPORAL_TLS_SERVER_NAME, and
// TEMPORAL_PROFILE / TEMPORAL_CONFIG_FILE for a TOML profile, so a local dev server, an mTLS
// cluster and Temporal Cloud differ only in the environment.
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { NativeConnectionOptions } from '@temporalio/worker';
import type { Env } from './env';

export interface TemporalConnectConfig {
  connectionOptions: NativeConnectionOptions & { address: string };
  namespace: string;
}

/**
 * Resolves the connection from the environment. The address and namespace come from TEMPORAL_ADDRESS and
 * TEMPORAL_NAMESPACE when set, then from a TOML profile when TEMPORAL_PROFILE or TEMPORAL_CONFIG_FILE
 * names one, then from the defaults of lib/env.ts. A profile in the default location is not enough to
 * move the address, so a developer's own Temporal CLI profile never points the app at another server.
 */
export function temporalConnectConfig(
  env: Pick<Env, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
  source: NodeJS.ProcessEnv = process.env,
): TemporalConnectConfig {
  const variables = Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const { connectionOptions, namespace } = loadClientConnectConfig({ overrideEnvVars: variables });
  const profileChosen = source.TEMPORAL_PROFILE !== undefined || source.TEMPORAL_CONFIG_FILE !== undefined;
  return {
    connectionOptions: { ...connectionOptions, address: (profileChosen && connectionOptions.address) || env.TEMPORAL_ADDRESS },
    namespace: (profileChosen && namespace) || env.TEMPORAL_NAMESPACE,
  };
}

/**
 * A client whose calls retry six times over about three seconds, rather than the SDK's default of ten
 * times over about twenty, so that during an outage a buyer or seller gets a "try again" answer
 * promptly while a brief blip is still ridden out.
 */
export async function connectTemporalClient(config: TemporalConnectConfig): Promise<Client> {
  const retry = makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 6, factor: 2 }));
  const connection = await Connection.connect({ ...config.connectionOptions, interceptors: [retry] });
  return new Client({ connection, namespace: config.namespace });
}
