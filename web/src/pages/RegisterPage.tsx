import { A } from '@solidjs/router';
import { api } from '../api/client';
import { useAuthForm } from '../auth/use-auth-form';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import { PageHeading } from '../components/PageHeading';
import { SubmitButton } from '../components/SubmitButton';
import { formText } from '../lib/form';

export default function RegisterPage() {
  const { mutation, fieldError, withNext } = useAuthForm((input: { name: string; email: string; password: string }) =>
    api.auth.register.mutate(input),
  );
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const form = event.currentTarget;
    mutation.mutate({ name: formText(form, 'name'), email: formText(form, 'email'), password: formText(form, 'password') });
  };
  return (
    <div class="narrow">
      <PageHeading text="Create an account" />
      <form class="form" onSubmit={onSubmit} novalidate>
        <ErrorMessage error={mutation.error} fieldsShownInline />
        <FormField label="Name" name="name" autocomplete="name" required error={fieldError('name')} />
        <FormField label="Email" name="email" type="email" autocomplete="email" required error={fieldError('email')} />
        <FormField
          label="Password"
          name="password"
          type="password"
          autocomplete="new-password"
          hint="At least 8 characters."
          required
          error={fieldError('password')}
        />
        <SubmitButton pending={mutation.isPending} label="Create account" pendingLabel="Creating your account…" />
      </form>
      <p>
        Already have an account? <A href={withNext('/login')}>Sign in</A>
      </p>
    </div>
  );
}
