import { createUniqueId, type JSX, onMount } from 'solid-js';
import { ErrorMessage } from './ErrorMessage';
import { SubmitButton } from './SubmitButton';

interface FormDialogProps {
  title: string;
  /** Read out with the title when the dialog opens. */
  description: JSX.Element;
  /** The request the form sends: its error is shown at the top, and the submit button waits for it. */
  request: { error: unknown; isPending: boolean };
  submitLabel: string;
  pendingLabel: string;
  closeLabel: string;
  /** Marks the submit button as a step that cannot be undone. */
  destructive?: boolean;
  onSubmit: (form: HTMLFormElement) => void;
  onClose: () => void;
  /** The <dialog>, for closing it once the request succeeds. */
  ref?: HTMLDialogElement | ((dialog: HTMLDialogElement) => void);
  children?: JSX.Element;
}

/**
 * A modal form in a native <dialog>, open while mounted: focus stays inside, Escape or the close button
 * closes it, and focus goes back to what opened it. Fields show their own validation messages.
 */
export function FormDialog(props: FormDialogProps) {
  let dialog!: HTMLDialogElement;
  const titleId = createUniqueId();
  const descriptionId = createUniqueId();
  const setRef = (element: HTMLDialogElement) => {
    dialog = element;
    (props.ref as ((dialog: HTMLDialogElement) => void) | undefined)?.(element);
  };
  onMount(() => dialog.showModal());
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    props.onSubmit(event.currentTarget);
  };
  return (
    <dialog ref={setRef} class="dialog" aria-labelledby={titleId} aria-describedby={descriptionId} onClose={() => props.onClose()}>
      <form class="form" onSubmit={onSubmit} novalidate>
        <h2 id={titleId}>{props.title}</h2>
        <p id={descriptionId}>{props.description}</p>
        <ErrorMessage error={props.request.error} fieldsShownInline />
        {props.children}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => dialog.close()}>
            {props.closeLabel}
          </button>
          <SubmitButton
            pending={props.request.isPending}
            label={props.submitLabel}
            pendingLabel={props.pendingLabel}
            danger={props.destructive}
          />
        </div>
      </form>
    </dialog>
  );
}
