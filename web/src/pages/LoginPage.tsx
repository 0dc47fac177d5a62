import { A } from '@solidjs/router';
import { api } from '../api/client';
import { useAuthForm } from '../auth/use-auth-form';
import { ErrorMessage } from '../components/ErrorMessage';
import { FormField } from '../components/FormField';
import { PageHeading } from '../components/PageHeading';
import { SubmitButton } from '../components/SubmitButton';
import { formText } from '../lib/form';

export default function LoginPage() {
  const { mutation, fieldError, withNext } = useAuthForm((input: { email: string; password: string }) => api.auth.login.mutate(input));
  const onSubmit = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    mutation.mutate({ email: formText(event.currentTarget, 'email'), password: formText(event.currentTarget, 'password') });
  };
  return (
    <div class="narrow">
      <PageHeading text="Sign in" />
      <form class="form" onSubmit={onSubmit} novalidate>
        <ErrorMessage error={mutation.error} fieldsShownInline />
        <FormField label="Email" name="email" type="email" autocomplete="username" required error={fieldError('email')} />
        <FormField
          label="Password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          error={fieldError('password')}
        />
        <SubmitButton pending={mutation.isPending} label="Sign in" pendingLabel="Signing in…" />
      </form>
      <p>
        New here? <A href={withNext('/register')}>Create an account</A>
      </p>
    </div>
  );
}
