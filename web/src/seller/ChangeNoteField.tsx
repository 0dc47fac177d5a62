import { Show } from 'solid-js';
import { FormField } from '../components/FormField';

/**
 * The note sent with a status change, for one order or several: a required reason when cancelling, an
 * optional note to the buyer otherwise. Both show in the buyer's timeline and notification.
 */
export function ChangeNoteField(props: { cancelling: boolean; orders: 'one' | 'several'; error: string | undefined }) {
  const several = () => props.orders === 'several';
  return (
    <Show
      when={props.cancelling}
      fallback={
        <FormField
          label={several() ? 'Note to the buyers (optional)' : 'Note to the buyer (optional)'}
          name="note"
          multiline
          maxLength={500}
          hint={several() ? 'Each buyer sees it in their timeline and notification.' : "Shown in the buyer's timeline and notification."}
          error={props.error}
        />
      }
    >
      <FormField
        label="Reason for cancelling"
        name="note"
        multiline
        required
        maxLength={500}
        hint={several() ? 'Each buyer sees this reason.' : 'The buyer sees this reason.'}
        error={props.error}
      />
    </Show>
  );
}
