import { type OrderStatus, statusLabel } from '../../../workflows/model/order-model';
import { StatusEmoji } from '../buyer/StatusEmoji';

/** The status in words; the colour and the emoji (hidden from screen readers) only repeat it. */
export function StatusBadge(props: { status: OrderStatus }) {
  return (
    <span class={`badge badge-${props.status}`}>
      <StatusEmoji status={props.status} />
      {statusLabel(props.status)}
    </span>
  );
}
