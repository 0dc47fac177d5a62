import { isTerminal } from '../../../workflows/model/order-model';
import type { OrderDetail } from '../api/client';
import { ConfirmDeadline } from '../buyer/ConfirmDeadline';
import { ProgressTracker } from './ProgressTracker';
import { UpdatedAgo } from './UpdatedAgo';

/** The buyer's live view of one order's status: the tracker and how fresh it is. */
export function OrderProgress(props: { order: OrderDetail; updatedAt: number }) {
  // The latest change: the status message the buyer was told with it, and the seller's note or reason.
  const latest = () => {
    const entry = props.order.timeline.at(-1);
    return entry?.to === props.order.status ? entry : undefined;
  };
  return (
    <>
      <ProgressTracker status={props.order.status} message={latest()?.statusMessage} note={latest()?.note ?? undefined} />
      <ConfirmDeadline order={props.order} />
      <UpdatedAgo at={props.updatedAt} final={isTerminal(props.order.status) || props.order.closedNote !== null} />
    </>
  );
}
