// Runs a background task of the worker now and then every `intervalMs`, one run at a time, until the
// signal aborts. A failed run is reported and the next one comes on schedule. The returned promise
// settles once aborted and any run in progress has finished, so the caller can then close its clients.
export interface PeriodicOptions {
  intervalMs: number;
  signal: AbortSignal;
  onError: (error: unknown) => void;
}

export function runPeriodically(task: () => Promise<unknown>, { intervalMs, signal, onError }: PeriodicOptions): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const tick = () => {
      running = (async () => {
        try {
          await task();
        } catch (error) {
          onError(error);
        }
        if (!signal.aborted) timer = setTimeout(tick, intervalMs);
      })();
    };
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      void running.then(resolve);
    });
    tick();
  });
}
