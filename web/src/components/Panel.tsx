import { createUniqueId, type JSX } from 'solid-js';

/** A titled section of a page, named by its heading for screen readers. */
export function Panel(props: { heading: string; class?: string; children: JSX.Element }) {
  const headingId = createUniqueId();
  return (
    <section class={`panel ${props.class ?? ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      {props.children}
    </section>
  );
}
