// temporal-cluster.yml: the committed file is valid, and a bad one is refused with every problem named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths';
import { clusterPorts, loadTemporalClusterConfig, parseTemporalClusterConfig } from '../../scripts/lib/temporal-cluster-config';

const committed = readFileSync(join(repoRoot, 'temporal-cluster.yml'), 'utf8');

describe('temporal-cluster.yml', () => {
  test('pins the versions and gives every process a port of its own', () => {
    const config = loadTemporalClusterConfig();
    expect(config.versions).toEqual({ server: expect.stringMatching(/^\d+\.\d+\.\d+$/), ui: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const ports = Object.values(clusterPorts(config));
    expect(new Set(ports).size).toBe(ports.length);
    expect(config.service.apiPorts.length).toBeGreaterThanOrEqual(2);
    expect(config.service.workerOpsPorts.length).toBeGreaterThanOrEqual(2);
  });

  test('refuses unknown keys, bad values and shared ports, naming each', () => {
    const bad = committed
      .replace('server: 1.29.1', 'server: latest')
      .replace('membershipPort: 16934', 'membershipPort: 40000')
      .replace('metricsPort: 19093', 'metricsPort: 19092')
      .replace('logLevel: warn', 'logLevel: warn\n  colour: blue');
    expect(() => parseTemporalClusterConfig(bad)).toThrow(/versions\.server: must be a version/);
    expect(() => parseTemporalClusterConfig(bad)).toThrow(/temporal\.services\.history\.membershipPort: must be below 32768/);
    expect(() => parseTemporalClusterConfig(bad)).toThrow(/colour/);
    const sharedPort = committed.replace('metricsPort: 19093', 'metricsPort: 19092');
    expect(() => parseTemporalClusterConfig(sharedPort)).toThrow(
      /Temporal matching metrics and Temporal history metrics both use port 19092/,
    );
    expect(() => parseTemporalClusterConfig('versions: [')).toThrow(/not valid YAML/);
  });
});
