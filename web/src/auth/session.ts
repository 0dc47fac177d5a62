import { useNavigate } from '@solidjs/router';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/solid-query';
import { api, type SessionUser } from '../api/client';
import { queryKeys, sessionQuery } from '../api/queries';

export function useSession() {
  return useQuery(sessionQuery);
}

export function homePathFor(user: Pick<SessionUser, 'role'>): string {
  return user.role === 'seller' ? '/seller' : '/';
}

/** Only a path on this site, so a crafted ?next= link cannot send someone elsewhere after sign-in. */
export function safeNextPath(next: string | string[] | undefined): string | undefined {
  const value = Array.isArray(next) ? next[0] : next;
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

const SHARED_KEYS = new Set<unknown>([queryKeys.session[0], queryKeys.config[0], queryKeys.stores[0]]);

/**
 * Switches the cache to another user (or none): drops everything that belonged to the previous one and
 * updates the session in place, so the header and guards, which observe it, follow at once.
 */
function switchUser(queryClient: QueryClient, user: SessionUser | null): void {
  queryClient.removeQueries({ predicate: (query) => !SHARED_KEYS.has(query.queryKey[0]) });
  queryClient.setQueryData(queryKeys.session, user);
}

export function useSignedIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (user: SessionUser, next: string | undefined) => {
    switchUser(queryClient, user);
    navigate(next ?? homePathFor(user), { replace: true });
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(() => ({
    mutationFn: () => api.auth.logout.mutate(),
    onSettled: () => {
      navigate('/login');
      switchUser(queryClient, null);
    },
  }));
}
