// Vitest config of `npm run test:faults`: the shared test harness, but only the fault and abuse suite.
// The faults of a Temporal cluster (tests/faults/cluster/) join it in the cluster target, where
// TEST_TEMPORAL=cluster: they need the cluster's binaries and root for a PostgreSQL of their own.
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

export default defineConfig({
  test: {
    ...base.test,
    include: ['tests/faults/*.fault.ts', ...(process.env.TEST_TEMPORAL === 'cluster' ? ['tests/faults/cluster/*.fault.ts'] : [])],
    globalSetup: [...((base.test?.globalSetup ?? []) as string[]), 'tests/faults/support/figures-setup.ts'],
    // A test that waits out an outage spends most of a minute in it.
    testTimeout: 180_000,
  },
});
