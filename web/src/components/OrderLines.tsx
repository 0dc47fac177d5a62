import { For } from 'solid-js';
import { formatPeso, lineTotal } from '../../../workflows/model/money';
import type { OrderDetail } from '../api/client';

type PricedOrder = Pick<OrderDetail, 'items' | 'subtotalCentavos' | 'shippingCentavos' | 'totalCentavos'>;

/** The items of one order with subtotal, shipping and total. */
export function OrderLines(props: { order: PricedOrder; caption?: string }) {
  return (
    <table class="lines">
      <caption class="visually-hidden">{props.caption ?? 'Items and totals'}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" class="num">
            Qty
          </th>
          <th scope="col" class="num">
            Price
          </th>
          <th scope="col" class="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.order.items}>
          {(item) => (
            <tr>
              <td>{item.name}</td>
              <td class="num">{item.quantity}</td>
              <td class="num">{formatPeso(item.unitPriceCentavos)}</td>
              <td class="num">{formatPeso(lineTotal(item))}</td>
            </tr>
          )}
        </For>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Subtotal
          </th>
          <td class="num">{formatPeso(props.order.subtotalCentavos)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={3}>
            Shipping
          </th>
          <td class="num">{formatPeso(props.order.shippingCentavos)}</td>
        </tr>
        <tr class="total-row">
          <th scope="row" colSpan={3}>
            Total
          </th>
          <td class="num">{formatPeso(props.order.totalCentavos)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
