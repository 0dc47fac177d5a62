import { A, Navigate, useLocation } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import type { SessionUser } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { homePathFor, useSession } from './session';

/** Renders the page for a signed-in user of `role`; sends everyone else to sign in or home. */
export function RequireRole(props: { role: SessionUser['role']; children: JSX.Element }) {
  const session = useSession();
  const location = useLocation();
  const signInPath = () => `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <Switch>
      <Match when={session.isError}>
        <ErrorMessage error={session.error} />
      </Match>
      <Match when={session.isSuccess && !session.data}>
        <Navigate href={signInPath()} />
      </Match>
      <Match when={session.data?.role !== props.role && session.data}>
        {(user) => (
          <p class="notice">
            This page is for {props.role}s. <A href={homePathFor(user())}>Go to your start page</A>.
          </p>
        )}
      </Match>
      <Match when={session.data}>{props.children}</Match>
    </Switch>
  );
}
