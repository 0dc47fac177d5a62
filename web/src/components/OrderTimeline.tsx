import { For, Show } from 'solid-js';
import { statusLabel } from '../../../workflows/model/order-model';
import type { OrderTimelineEntry } from '../api/client';
import { formatDateTime } from '../lib/dates';
import { Panel } from './Panel';

export function OrderTimeline(props: { timeline: readonly OrderTimelineEntry[] }) {
  return (
    <Panel heading="Timeline">
      <ol class="timeline">
        <For each={props.timeline}>
          {(entry) => (
            <li class="timeline-entry">
              <span class="timeline-status">{statusLabel(entry.to)}</span> <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
              <span class="timeline-actor">
                by <bdi>{entry.by.name}</bdi>
              </span>
              <p class="timeline-message">{entry.statusMessage}</p>
              <Show when={entry.note}>
                <p class="timeline-note">{entry.note}</p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Panel>
  );
}
