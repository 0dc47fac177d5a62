// What a phase drives: our service through its HTTP API, or bare Temporal. Both take the same three
// operations, so every phase runs the same code against either.
export interface LoadTarget<Order> {
  /** Places the planned order `index` (ours: checkout; bare: start a workflow). */
  create(index: number): Promise<Order>;
  /** Moves the order to lifecycle step `step` (ours: the seller's status update; bare: an update). */
  advance(order: Order, step: number): Promise<void>;
  /** Reads the order's state (ours: the buyer's tracking query; bare: a workflow query). */
  read(order: Order): Promise<void>;
}
