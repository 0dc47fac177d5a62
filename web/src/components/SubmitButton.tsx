/** A form's submit button; disabled while the request runs, so a double click sends it once. */
export function SubmitButton(props: { pending: boolean; label: string; pendingLabel: string; danger?: boolean | undefined }) {
  return (
    <button type="submit" class="button primary" classList={{ danger: props.danger }} disabled={props.pending}>
      {props.pending ? props.pendingLabel : props.label}
    </button>
  );
}
