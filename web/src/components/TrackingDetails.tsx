import { Show } from 'solid-js';
import type { OrderTracking } from '../api/client';
import { Panel } from './Panel';

export function TrackingDetails(props: { tracking: OrderTracking }) {
  return (
    <Panel heading="Tracking details">
      <Show when={props.tracking} fallback={<p class="muted">Tracking details appear here once the order ships.</p>}>
        {(tracking) => (
          <dl class="details">
            <dt>Carrier</dt>
            <dd>{tracking().carrier}</dd>
            <dt>Tracking number</dt>
            <dd class="tracking-number">{tracking().trackingNumber}</dd>
          </dl>
        )}
      </Show>
    </Panel>
  );
}
