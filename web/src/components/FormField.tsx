import { type JSX, Show, splitProps } from 'solid-js';

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & JSX.TextareaHTMLAttributes<HTMLTextAreaElement>;

interface FormFieldProps extends InputProps {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  multiline?: boolean;
}

/** A labelled input with its hint and validation message tied to it for screen readers. */
export function FormField(props: FormFieldProps) {
  const [own, input] = splitProps(props, ['label', 'error', 'hint', 'multiline']);
  const id = () => `field-${props.name}`;
  const describedBy = () => [own.hint && `${id()}-hint`, own.error && `${id()}-error`].filter(Boolean).join(' ') || undefined;
  const shared = () => ({ id: id(), 'aria-invalid': own.error ? true : undefined, 'aria-describedby': describedBy() });
  return (
    <div class="field">
      <label for={id()}>{own.label}</label>
      <Show when={own.hint}>
        <p class="field-hint" id={`${id()}-hint`}>
          {own.hint}
        </p>
      </Show>
      <Show when={own.multiline} fallback={<input {...input} {...shared()} />}>
        <textarea {...input} {...shared()} />
      </Show>
      <Show when={own.error}>
        <p class="field-error" id={`${id()}-error`}>
          {own.error}
        </p>
      </Show>
    </div>
  );
}
