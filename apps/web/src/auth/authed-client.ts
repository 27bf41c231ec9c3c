import type { Middleware } from 'openapi-fetch';
import { createApiClient, type ApiClient } from '../api/client';
import type { SessionKind } from './session-store';
import { sessions } from './session';

/** The part of the session store the client needs (a fake in tests). */
export interface TokenSource {
  accessToken(kind: SessionKind): Promise<string | undefined>;
  refreshNow(kind: SessionKind): Promise<string | undefined>;
}

export interface AuthedClientOptions {
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly tokens?: TokenSource;
}

/**
 * The typed API client signed in as `kind`. W1's client reads its token synchronously; this
 * one awaits it so an expired access token is refreshed before the request goes out, and a
 * 401 (the token was revoked or expired in flight) is retried once with a fresh token.
 */
export function createAuthedClient(kind: SessionKind, options: AuthedClientOptions = {}): ApiClient {
  const tokens = options.tokens ?? sessions;
  const doFetch = options.fetch ?? ((input: Request) => fetch(input));
  // Retries need the request body again: keep a copy before the first attempt consumes it.
  const retryFetch = async (input: Request): Promise<Response> => {
    const copy = input.clone();
    const response = await doFetch(input);
    if (response.status !== 401 || !input.headers.has('authorization')) return response;
    const token = await tokens.refreshNow(kind);
    if (!token) return response;
    copy.headers.set('Authorization', `Bearer ${token}`);
    return doFetch(copy);
  };
  const client = createApiClient({
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    fetch: retryFetch as typeof fetch,
  });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await tokens.accessToken(kind);
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

let customer: ApiClient | undefined;
let staff: ApiClient | undefined;

/** The app's client for customers' requests (the storefront). */
export function customerClient(): ApiClient {
  return (customer ??= createAuthedClient('customer'));
}

/** The app's client for staff requests (the console). */
export function staffClient(): ApiClient {
  return (staff ??= createAuthedClient('staff'));
}
