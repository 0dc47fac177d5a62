import type { BuyerOrder } from '../api/client';
import { BuyerOrderAction } from './BuyerOrderAction';
import { CancelOrderDialog } from './CancelOrderDialog';

/** "Cancel order" while the model lets the buyer cancel (pending or confirmed). */
export function CancelOrder(props: { order: BuyerOrder }) {
  return (
    <BuyerOrderAction
      order={props.order}
      to="cancelled"
      buttonClass="danger"
      button={
        <>
          Cancel order<span class="visually-hidden"> {props.order.orderNumber}</span>
        </>
      }
      doneNotice="You cancelled this order."
      dialog={(handlers) => <CancelOrderDialog orderNumber={props.order.orderNumber} {...handlers} />}
    />
  );
}
