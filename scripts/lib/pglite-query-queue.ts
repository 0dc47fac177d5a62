// A replacement for pglite-socket's query queue, which multiplexes many client connections onto the one
// PGlite session. The stock queue switches connections between any two protocol messages unless a
// transaction is open, so one client's Parse/Bind/Execute can run against another client's unnamed
// statement under concurrency, and a failed message leaves the queue stalled. This queue keeps serving a
// connection until its extended-protocol batch ends with Sync, or its transaction ends, and never stalls.
import type { PGlite } from '@electric-sql/pglite';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Extended-protocol messages after which the same client's Sync is still to come. */
const MID_BATCH_TYPES = new Set([...'PBDECH'].map((type) => type.charCodeAt(0)));

export class BatchAwareQueryQueue {
  private queue: QueuedMessage[] = [];
  private processing = false;
  /** The connection that must be served next, while it is mid-batch or inside a transaction. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private next(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const current = item;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
          current.resolve(bytes);
        } catch (error) {
          current.reject(error);
        }
        const midBatch = MID_BATCH_TYPES.has(current.message[0] ?? 0);
        this.owner = midBatch || this.db.isInTransaction() ? current.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** Called when a connection closes: roll back what it left open and serve the others again. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    this.owner = null;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    await this.process();
  }
}
