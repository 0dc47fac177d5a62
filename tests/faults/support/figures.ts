// The suite's figures: each test records what it ran and injected, and what it found lost or duplicated;
// figures-setup.ts sums them when the run ends. Lost and duplicated counts are recorded before the
// assertions that require them to be zero, so a failing run still reports them.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface Figures {
  ordersRun: number;
  faultsInjected: number;
  badInputsTried: number;
  /** Status changes sent at once to one order, most of which must be refused. */
  conflictingRequests: number;
  /** Calls a client had to repeat because of a fault (a retryable error or a dropped connection). */
  clientRetries: number;
  ordersLost: number;
  ordersDuplicated: number;
  eventsLost: number;
  eventsDuplicated: number;
}

export const NO_FIGURES: Figures = {
  ordersRun: 0,
  faultsInjected: 0,
  badInputsTried: 0,
  conflictingRequests: 0,
  clientRetries: 0,
  ordersLost: 0,
  ordersDuplicated: 0,
  eventsLost: 0,
  eventsDuplicated: 0,
};

declare module 'vitest' {
  export interface ProvidedContext {
    faultFiguresDir: string;
  }
}

export function recordFigures(test: string, figures: Partial<Figures>): void {
  writeFileSync(join(inject('faultFiguresDir'), `${randomUUID()}.json`), JSON.stringify({ test, ...NO_FIGURES, ...figures }));
}
