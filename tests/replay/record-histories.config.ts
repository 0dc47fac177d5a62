// Vitest config of `npm run record-histories`: the test harness, but only the recorder.
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

export default defineConfig({ test: { ...base.test, include: ['tests/replay/record-histories.run.ts'] } });
