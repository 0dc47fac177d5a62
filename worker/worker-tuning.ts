// Worker settings that the benchmark's bare worker shares with the order worker, so that the two are
// compared on equal terms. Kept apart from create-worker.ts so that importing them loads nothing else.

/**
 * A workflow task, or a query, waits on a worker's sticky queue for at most this long before Temporal
 * hands it to the normal queue, where any worker replays the workflow to answer. At the SDK's default of
 * 10 s, a query that missed the sticky poller under load answered after 10 s.
 */
export const ORDER_WORKER_TUNING = { stickyQueueScheduleToStartTimeout: '500ms' } as const;
