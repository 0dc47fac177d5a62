/** Filled and empty stars, e.g. ★★★★☆, with the figure in words for screen readers. */
export function Stars(props: { stars: number; of?: number }) {
  const whole = () => Math.round(props.stars);
  return (
    <span class="stars">
      <span aria-hidden="true">
        {'★'.repeat(whole())}
        {'☆'.repeat((props.of ?? 5) - whole())}
      </span>
      <span class="visually-hidden">{props.stars} out of 5 stars</span>
    </span>
  );
}
