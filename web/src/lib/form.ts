/** A form field's current text, read on submit (the forms are uncontrolled). */
export function formText(form: HTMLFormElement, name: string): string {
  return String(new FormData(form).get(name) ?? '');
}
