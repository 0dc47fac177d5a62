import { createEffect, onMount } from 'solid-js';

const SITE_NAME = 'Order tracking';
let isFirstPage = true;

/**
 * The page's h1, also used as the document title. When a page opens after client-side navigation,
 * focus moves to its heading, so screen readers announce the new page and keyboard users start there.
 */
export function PageHeading(props: { text: string }) {
  let heading!: HTMLHeadingElement;
  createEffect(() => {
    document.title = `${props.text} · ${SITE_NAME}`;
  });
  onMount(() => {
    if (!isFirstPage) heading.focus({ preventScroll: true });
    isFirstPage = false;
  });
  return (
    <h1 ref={heading} tabindex="-1" class="page-heading">
      {props.text}
    </h1>
  );
}
