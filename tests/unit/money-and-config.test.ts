import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadEnv, parseDuration } from '../../lib/env';
import { devServerArgs } from '../../scripts/lib/dev-server';
import { loadTemporalDevConfig, parseTemporalDevConfig, temporalDevConfigPath } from '../../scripts/lib/temporal-dev-config';
import { formatPeso, lineTotal, sumLines } from '../../workflows/model/money';

describe('money', () => {
  test('formats centavos as pesos', () => {
    expect(formatPeso(104_800)).toBe('₱1,048.00');
    expect(formatPeso(5)).toBe('₱0.05');
  });

  test('sums lines in integer centavos', () => {
    const lines = [
      { unitPriceCentavos: 1_999, quantity: 3 },
      { unitPriceCentavos: 1, quantity: 99 },
    ];
    expect(lineTotal(lines[0]!)).toBe(5_997);
    expect(sumLines(lines)).toBe(6_096);
  });
});

describe('environment', () => {
  const base = { DATABASE_URL: 'postgresql://u@h/db' };

  test('has safe defaults', () => {
    const env = loadEnv(base);
    expect(env).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'orders',
      PORT: 3000,
      ORDER_CONFIRM_WITHIN: 48 * 3_600_000,
    });
  });

  test('names every invalid variable', () => {
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x', PORT: 'eighty', ORDER_CONFIRM_WITHIN: 'soon' })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*PORT[\s\S]*ORDER_CONFIRM_WITHIN: must be a duration/,
    );
  });

  test('ALLOWED_ORIGINS holds whole origins, nothing less and nothing more', () => {
    expect(loadEnv({ ...base, ALLOWED_ORIGINS: 'https://shop.example.com, http://127.0.0.1:3000/' }).ALLOWED_ORIGINS).toBe(
      'https://shop.example.com, http://127.0.0.1:3000/',
    );
    for (const bad of ['shop.example.com', 'https://shop.example.com/orders', 'ftp://shop.example.com', 'https://shop.example.com,*']) {
      expect(() => loadEnv({ ...base, ALLOWED_ORIGINS: bad }), bad).toThrow(/ALLOWED_ORIGINS: must be comma-separated origins/);
    }
  });

  test('TRUSTED_PROXIES is unset by default and holds IP addresses only', () => {
    expect(loadEnv(base).TRUSTED_PROXIES).toBeUndefined();
    expect(loadEnv({ ...base, TRUSTED_PROXIES: ' 127.0.0.1, ::1 ' }).TRUSTED_PROXIES).toBe('127.0.0.1, ::1');
    for (const bad of ['localhost', '10.0.0.0/8', '127.0.0.1:3000', '127.0.0.1,,::1', '*']) {
      expect(() => loadEnv({ ...base, TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES: must be comma-separated IP addresses/);
    }
  });

  test('parses durations', () => {
    expect([parseDuration('500ms'), parseDuration('90s'), parseDuration('30m'), parseDuration('2d')]).toEqual([
      500, 90_000, 1_800_000, 172_800_000,
    ]);
  });
});

describe('temporal-dev.yml', () => {
  test('the committed file is valid and registers the order search attributes', () => {
    const config = loadTemporalDevConfig();
    expect(config.searchAttributes).toMatchObject({ OrderStatus: 'Keyword', StoreId: 'Keyword', BuyerId: 'Keyword' });
    expect(config.server.dbFile.startsWith('.data/')).toBe(true);
  });

  test('rejects unknown keys and bad values with the key named', () => {
    const text = `
cli: { version: 1.5.1 }
server: { ip: 127.0.0.1, grpcPort: 70000, uiPort: 8233, httpPort: 7243, metricsPort: 7235, dbFile: /abs.db, namespace: orders, logLevel: loud, colour: blue }
searchAttributes: { OrderStatus: Keyword, StoreId: Keyword }
`;
    expect(() => parseTemporalDevConfig(text)).toThrow(/server\.grpcPort[\s\S]*server\.dbFile[\s\S]*server\.logLevel/);
    expect(() => parseTemporalDevConfig(text)).toThrow(/colour/);
    const withoutBuyerId = readFileSync(temporalDevConfigPath, 'utf8').replace(/^\s+BuyerId: Keyword\n/m, '');
    expect(() => parseTemporalDevConfig(withoutBuyerId)).toThrow(/searchAttributes\.BuyerId: is required by the order workflow/);
    expect(() => parseTemporalDevConfig('cli: [')).toThrow(/not valid YAML/);
  });

  test('becomes dev server flags', () => {
    const config = loadTemporalDevConfig();
    const args = devServerArgs({ cliPath: 'temporal', config, ports: { grpcPort: 1111 }, persistent: false, headless: true });
    expect(args).toEqual(
      expect.arrayContaining(['--port', '1111', '--headless', '--search-attribute', 'OrderStatus=Keyword', '--namespace', 'orders']),
    );
    expect(args).not.toContain('--db-filename');
    expect(args.join(' ')).toContain('--dynamic-config-value frontend.enableUpdateWorkflowExecution=true');
  });
});
