// Plain HTTP to the API, for what the typed tRPC client cannot send: malformed bodies, forged headers and
// cookies, and requests from another loopback address (127.0.0.2 and up), since the login rate limit
// counts per address and one test's attacker must not lock out the others.
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  setCookies: string[];
  text: string;
  /** The tRPC error, when the body is one. */
  error?: { message: string; data?: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]> } };
  result?: unknown;
}

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The loopback address to send from. */
  from?: string;
}

export function rawRequest(url: string, { method = 'GET', headers = {}, body, from }: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(from ? { localAddress: from } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: { error?: RawResponse['error']; result?: { data?: unknown } } = {};
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: a refusal from Node's HTTP parser, or the web app.
          }
          resolve({
            status: response.statusCode ?? 0,
            setCookies: response.headers['set-cookie'] ?? [],
            text,
            error: parsed.error,
            result: parsed.result?.data,
          });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export type CallOptions = Omit<RawOptions, 'method' | 'body'> & { cookie?: string };

function withCookie({ cookie, headers = {}, ...rest }: CallOptions): RawOptions {
  return { ...rest, headers: { ...headers, ...(cookie ? { cookie } : {}) } };
}

/** A tRPC mutation: POST with the input as the JSON body. */
export function mutation(apiUrl: string, procedure: string, input: unknown, options: CallOptions = {}): Promise<RawResponse> {
  return rawRequest(`${apiUrl}/trpc/${procedure}`, {
    ...withCookie(options),
    method: 'POST',
    body: input === undefined ? '' : JSON.stringify(input),
  });
}

/** A tRPC query: GET with the input in the query string. */
export function query(apiUrl: string, procedure: string, input: unknown, options: CallOptions = {}): Promise<RawResponse> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return rawRequest(`${apiUrl}/trpc/${procedure}${search}`, withCookie(options));
}

/** The `sid=…` pair a login or registration set. */
export function sessionCookieOf(response: RawResponse): string {
  const cookie = response.setCookies.find((line) => line.startsWith('sid='));
  if (!cookie || response.status !== 200) throw new Error(`No session cookie: ${response.status} ${response.text}`);
  return cookie.split(';')[0]!;
}

/** Looks for what must never reach a client: stack frames, module paths, ORM or driver details. */
export const LEAK_PATTERN = /\n\s+at |node_modules|\.ts:\d|prisma|Invalid `|PrismaClient|DriverAdapter|ECONN|SQLSTATE|syntax error at/i;

/**
 * Wording no person should read in an error message: JSON parser errors, zod's defaults, tRPC's internal
 * refusals, and the old "field: message" format.
 */
export const NOT_FOR_PEOPLE =
  /Unexpected (end|token)|is not valid JSON|Invalid input|expected \w+, received|Unrecognized key|No procedure|Unsupported|^[\w.]+: /;
