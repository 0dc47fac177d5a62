import type { OrderShipping } from '../api/client';
import { Panel } from './Panel';

export function ShippingAddress(props: { shipping: OrderShipping; heading: string }) {
  return (
    <Panel heading={props.heading}>
      <address class="address">
        <strong>{props.shipping.name}</strong>
        <br />
        {props.shipping.addressLine}
        <br />
        {props.shipping.city} {props.shipping.postalCode}
        <br />
        <a href={`tel:${props.shipping.phone.replace(/[^+\d]/g, '')}`}>{props.shipping.phone}</a>
      </address>
    </Panel>
  );
}
