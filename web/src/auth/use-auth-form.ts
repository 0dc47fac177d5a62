import { useSearchParams } from '@solidjs/router';
import { useMutation } from '@tanstack/solid-query';
import type { SessionUser } from '../api/client';
import { fieldErrors } from '../api/errors';
import { safeNextPath, useSignedIn } from './session';

/** Shared by sign-in and registration: submit the form's fields, then start the new session. */
export function useAuthForm<Input>(submit: (input: Input) => Promise<SessionUser | null>) {
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const mutation = useMutation(() => ({
    mutationFn: submit,
    onSuccess: (user: SessionUser | null) => {
      if (user) signedIn(user, safeNextPath(params.next));
    },
  }));
  return {
    mutation,
    fieldError: (field: string) => fieldErrors(mutation.error)[field],
    /** Keeps ?next= when switching between sign-in and registration. */
    withNext: (path: string) => (params.next ? `${path}?next=${encodeURIComponent(String(params.next))}` : path),
  };
}
