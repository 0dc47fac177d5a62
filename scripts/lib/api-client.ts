// A tRPC client over real HTTP with its own cookie jar: one per simulated user.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../api/routers';
import { DEMO_PASSWORD } from '../../prisma/seed';

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(apiUrl: string, headers: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  const cookieFetch: typeof fetch = async (input, init) => {
    const requestHeaders = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) requestHeaders.set(name, value);
    if (jar.size) requestHeaders.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers: requestHeaders });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (/Max-Age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${apiUrl}/trpc`, fetch: cookieFetch })] });
}

export async function signedInClient(apiUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const client = createApiClient(apiUrl);
  await client.auth.login.mutate({ email, password });
  return client;
}

/** The tRPC error code of a failed call, e.g. 'NOT_FOUND'; fails the test if the call succeeded. */
export async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { code: string }).code;
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
