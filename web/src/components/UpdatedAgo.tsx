import { Show } from 'solid-js';
import { timeAgo } from '../lib/dates';
import { useNow } from '../lib/now';

/** "Updated 12 seconds ago": how fresh the shown status is. Deliberately not a live region. */
export function UpdatedAgo(props: { at: number; final: boolean }) {
  const now = useNow();
  return (
    <p class="updated-ago">
      Updated <time datetime={new Date(props.at).toISOString()}>{timeAgo(props.at, now())}</time>
      <Show when={props.final}> · final status, no further updates</Show>
    </p>
  );
}
