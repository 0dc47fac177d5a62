// Collects the figures every fault test records, and prints their sum when the run ends.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Figures, NO_FIGURES } from './figures';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'orders-fault-figures-'));
  project.provide('faultFiguresDir', dir);
  return () => {
    const recorded = readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Figures & { test: string });
    const total = { ...NO_FIGURES };
    for (const figures of recorded) for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += figures[key];
    rmSync(dir, { recursive: true, force: true });
    if (!recorded.length) return;
    const lines = [
      `Fault suite figures (${recorded.length} records):`,
      `  orders run            ${total.ordersRun}`,
      `  faults injected       ${total.faultsInjected}`,
      `  bad inputs tried      ${total.badInputsTried}`,
      `  conflicting requests  ${total.conflictingRequests}`,
      `  client retries        ${total.clientRetries}`,
      `  orders lost           ${total.ordersLost}`,
      `  orders duplicated     ${total.ordersDuplicated}`,
      `  events lost           ${total.eventsLost}`,
      `  events duplicated     ${total.eventsDuplicated}`,
    ];
    console.log(lines.join('\n'));
  };
}
