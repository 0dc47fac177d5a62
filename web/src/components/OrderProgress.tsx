import type { OrderDetail } from '../api/client';
import { isTerminal } from '../../../workflows/order-model';
import { ProgressTracker } from './ProgressTracker';
import { UpdatedAgo } from './UpdatedAgo';

/** The buyer's live view of one order's status: the tracker and how fresh it is. */
export function OrderProgress(props: { order: OrderDetail; updatedAt: number }) {
  const cancelReason = () => (props.order.status === 'cancelled' ? props.order.timeline.at(-1)?.note ?? undefined : undefined);
  return (
    <>
      <ProgressTracker status={props.order.status} note={cancelReason()} />
      <UpdatedAgo at={props.updatedAt} final={isTerminal(props.order.status) || props.order.closedNote !== null} />
    </>
  );
}
