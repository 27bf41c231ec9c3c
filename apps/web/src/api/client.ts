import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** Response and request bodies by the names the OpenAPI document gives them. */
export type Schemas = components['schemas'];
export type NumberSummary = Schemas['NumberSummaryResponse'];
export type NumberSearchPage = Schemas['NumberSearchResponse'];
export type NumberSuggestion = Schemas['NumberSuggestionResponse'];

/** The API's error envelope: a stable `code`, a message, and for validation the fields at fault. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly { field: string; errors: string[]; codes?: string[] }[];
}

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** '' (the default) talks to the API that served the page. */
  readonly baseUrl?: string;
  /** The signed-in user's bearer token, read at each request (it changes on login/logout). */
  readonly token?: () => string | undefined;
  readonly fetch?: typeof fetch;
}

/**
 * The typed API client of the web app: paths, parameters and bodies are checked against
 * the generated OpenAPI types (`npm run web:api`), so the app can only use what the
 * document describes. Adds the bearer token when there is one.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.token?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** Whether `error` is the API's JSON error envelope. */
export function isApiError(error: unknown): error is ApiErrorBody {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ApiErrorBody).code === 'string' &&
    typeof (error as ApiErrorBody).statusCode === 'number'
  );
}
