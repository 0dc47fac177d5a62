// Runs a background task of the worker now and then every `intervalMs`, one run at a time, until the
// signal aborts. A failed run is reported and the next one comes on schedule.
export interface PeriodicOptions {
  intervalMs: number;
  signal: AbortSignal;
  onError: (error: unknown) => void;
}

export function runPeriodically(task: () => Promise<unknown>, { intervalMs, signal, onError }: PeriodicOptions): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const tick = async () => {
      try {
        await task();
      } catch (error) {
        onError(error);
      }
      if (!signal.aborted) timer = setTimeout(tick, intervalMs);
    };
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
    void tick();
  });
}
