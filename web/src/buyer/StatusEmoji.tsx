import { type OrderStatus, STATUS_INFO } from '../../../workflows/model/order-model';

/** The seed's status indicator (⏳ ✔️ 🔄 📦 ✅), for the eye only: screen readers read the label beside it. */
export function StatusEmoji(props: { status: OrderStatus }) {
  return (
    <span class="status-emoji" aria-hidden="true">
      {STATUS_INFO[props.status].emoji}
    </span>
  );
}
