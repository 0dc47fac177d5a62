import { Show } from 'solid-js';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function LoadMore(props: { pages: Pages; label: string }) {
  return (
    <Show when={props.pages.hasNextPage}>
      <p class="load-more">
        <button type="button" class="button" onClick={() => props.pages.fetchNextPage()} disabled={props.pages.isFetchingNextPage}>
          {props.pages.isFetchingNextPage ? 'Loading…' : props.label}
        </button>
      </p>
    </Show>
  );
}
