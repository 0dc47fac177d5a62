import { statusLabel, type OrderStatus } from '../../../workflows/order-model';

/** The status in words; the colour only repeats it. */
export function StatusBadge(props: { status: OrderStatus }) {
  return <span class={`badge badge-${props.status}`}>{statusLabel(props.status)}</span>;
}
