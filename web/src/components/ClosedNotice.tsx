import { Show } from 'solid-js';

/**
 * Why the order was closed outside its lifecycle (an operator terminated it, say); nothing for an order
 * that was not. The note comes from the order service, e.g. "Closed by an operator: duplicate order".
 */
export function ClosedNotice(props: { note: string | null }) {
  return (
    <Show when={props.note !== null}>
      <p class="notice closed-notice">
        <strong>This order is closed.</strong> <bdi>{props.note}</bdi>
      </p>
    </Show>
  );
}

/** Marks an order closed outside its lifecycle in a list, next to its last status. */
export function ClosedBadge() {
  return <span class="badge badge-closed">Closed</span>;
}
