import type { OrderShipping } from '../api/client';
import { Panel } from './Panel';

/** Where an order goes. On screen the phone is a link to call; on a packing slip, which is printed, plain text. */
export function PostalAddress(props: { shipping: OrderShipping; printed?: boolean }) {
  return (
    <address class="address">
      <strong>
        <bdi>{props.shipping.name}</bdi>
      </strong>
      <br />
      <bdi>{props.shipping.addressLine}</bdi>
      <br />
      <bdi>{props.shipping.city}</bdi> <bdi>{props.shipping.postalCode}</bdi>
      <br />
      {props.printed ? (
        <>
          Phone: <bdi>{props.shipping.phone}</bdi>
        </>
      ) : (
        <a href={`tel:${props.shipping.phone.replace(/[^+\d]/g, '')}`}>{props.shipping.phone}</a>
      )}
    </address>
  );
}

export function ShippingAddress(props: { shipping: OrderShipping; heading: string }) {
  return (
    <Panel heading={props.heading}>
      <PostalAddress shipping={props.shipping} />
    </Panel>
  );
}
