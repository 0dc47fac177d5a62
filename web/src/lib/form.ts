/**
 * A form field's current text, read on submit (the forms are uncontrolled). Free text is one line (see
 * workflows/model/text.ts), so the line breaks a note or message box lets people type become spaces.
 */
export function formText(form: HTMLFormElement, name: string): string {
  return singleLine(String(new FormData(form).get(name) ?? ''));
}

/** The text with each line break, and the spaces around it, turned into one space. */
export function singleLine(text: string): string {
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}
