import { Show } from 'solid-js';
import { errorMessage, fieldErrors } from '../api/errors';

/**
 * A readable API error, announced as soon as it appears. In a form whose fields show their own
 * validation messages, it points to them instead of repeating them.
 */
export function ErrorMessage(props: { error: unknown; fieldsShownInline?: boolean }) {
  const text = () =>
    props.fieldsShownInline && Object.keys(fieldErrors(props.error)).length
      ? 'Please correct the fields marked below.'
      : errorMessage(props.error);
  return (
    <Show when={props.error}>
      <p class="error-message" role="alert">
        {text()}
      </p>
    </Show>
  );
}
