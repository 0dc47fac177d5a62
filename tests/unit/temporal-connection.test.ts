import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { temporalConnectConfig } from '../../lib/temporal';

const env = { TEMPORAL_ADDRESS: 'orders.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'orders.a1b2c' };
const isolated = { TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml' };

test('a plain address connects without TLS', () => {
  const config = temporalConnectConfig({ TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'orders' }, isolated);
  expect(config.connectionOptions.address).toBe('127.0.0.1:7233');
  expect(config.connectionOptions.tls).toBeFalsy();
  expect(config.namespace).toBe('orders');
});

test('an API key turns on TLS, as Temporal Cloud needs', () => {
  const config = temporalConnectConfig(env, { ...isolated, TEMPORAL_API_KEY: 'secret-key' });
  expect(config.connectionOptions.apiKey).toBe('secret-key');
  expect(config.connectionOptions.tls).toBeTruthy();
  expect(config.namespace).toBe('orders.a1b2c');
});

test('a client certificate and key give mTLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tls-'));
  writeFileSync(join(dir, 'client.pem'), 'CERT');
  writeFileSync(join(dir, 'client.key'), 'KEY');
  const config = temporalConnectConfig(env, {
    ...isolated,
    TEMPORAL_TLS_CLIENT_CERT_PATH: join(dir, 'client.pem'),
    TEMPORAL_TLS_CLIENT_KEY_PATH: join(dir, 'client.key'),
  });
  const tls = config.connectionOptions.tls as { clientCertPair: { crt: Uint8Array; key: Uint8Array } };
  expect(Buffer.from(tls.clientCertPair.crt).toString()).toBe('CERT');
  expect(Buffer.from(tls.clientCertPair.key).toString()).toBe('KEY');
});

test('a named TOML profile gives the address and namespace, and the variables still win over it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const file = join(dir, 'temporal.toml');
  writeFileSync(file, '[profile.cluster]\naddress = "temporal.internal:7233"\nnamespace = "shop"\n');
  const defaults = { TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'orders' };
  const fromProfile = temporalConnectConfig(defaults, { TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'cluster' });
  expect(fromProfile.connectionOptions.address).toBe('temporal.internal:7233');
  expect(fromProfile.namespace).toBe('shop');
  const overridden = temporalConnectConfig(env, { TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'cluster', ...env });
  expect(overridden.connectionOptions.address).toBe(env.TEMPORAL_ADDRESS);
  expect(overridden.namespace).toBe(env.TEMPORAL_NAMESPACE);
});
