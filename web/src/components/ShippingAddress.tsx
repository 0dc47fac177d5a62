import type { OrderShipping } from '../api/client';
import { Panel } from './Panel';

export function ShippingAddress(props: { shipping: OrderShipping; heading: string }) {
  return (
    <Panel heading={props.heading}>
      <address class="address">
        <strong>
          <bdi>{props.shipping.name}</bdi>
        </strong>
        <br />
        <bdi>{props.shipping.addressLine}</bdi>
        <br />
        <bdi>{props.shipping.city}</bdi> <bdi>{props.shipping.postalCode}</bdi>
        <br />
        <a href={`tel:${props.shipping.phone.replace(/[^+\d]/g, '')}`}>{props.shipping.phone}</a>
      </address>
    </Panel>
  );
}
