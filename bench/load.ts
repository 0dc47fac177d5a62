// The two load patterns of the benchmark. Both time every call and count failures instead of stopping.

export interface Measured {
  latenciesMs: number[];
  errors: number;
  /** The first few distinct error messages, to say what failed. */
  errorSamples: string[];
  durationMs: number;
}

function collector() {
  const measured: Measured = { latenciesMs: [], errors: 0, errorSamples: [], durationMs: 0 };
  return {
    measured,
    async time(call: () => Promise<unknown>): Promise<boolean> {
      const started = performance.now();
      try {
        await call();
        measured.latenciesMs.push(performance.now() - started);
        return true;
      } catch (error) {
        measured.errors++;
        // fetch reports network failures as "fetch failed" with the reason in `cause`.
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        const message = error instanceof Error ? `${error.message}${cause}` : String(error);
        if (measured.errorSamples.length < 5 && !measured.errorSamples.includes(message)) measured.errorSamples.push(message);
        return false;
      }
    },
  };
}

/**
 * Closed loop: `concurrency` callers each take the next item as soon as their previous call returns.
 * A call that throws counts as an error; `onFailure` lets the caller drop that item from later steps.
 */
export async function closedLoop<T>(
  items: readonly T[],
  concurrency: number,
  call: (item: T) => Promise<unknown>,
  onFailure: (item: T) => void = () => {},
): Promise<Measured> {
  const { measured, time } = collector();
  let nextIndex = 0;
  const started = performance.now();
  const caller = async () => {
    while (nextIndex < items.length) {
      const item = items[nextIndex++]!;
      if (!(await time(() => call(item)))) onFailure(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, caller));
  measured.durationMs = performance.now() - started;
  return measured;
}

export interface ScheduledCall<T> {
  /** Milliseconds after the start of the run. */
  atMs: number;
  item: T;
}

/**
 * Open loop: every call starts at its scheduled time whether or not earlier calls have returned, so a
 * slow server cannot slow the offered load down and hide its own queueing. `maxLagMs` tells how late
 * the generator itself was; it should stay near zero for the latencies to mean anything.
 */
export async function openLoop<T>(
  schedule: readonly ScheduledCall<T>[],
  call: (item: T) => Promise<unknown>,
): Promise<Measured & { maxLagMs: number }> {
  const { measured, time } = collector();
  const ordered = [...schedule].sort((a, b) => a.atMs - b.atMs);
  const inFlight: Promise<unknown>[] = [];
  let maxLagMs = 0;
  const started = performance.now();
  for (const { atMs, item } of ordered) {
    const wait = atMs - (performance.now() - started);
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    maxLagMs = Math.max(maxLagMs, performance.now() - started - atMs);
    inFlight.push(time(() => call(item)));
  }
  await Promise.all(inFlight);
  measured.durationMs = performance.now() - started;
  return { ...measured, maxLagMs };
}
