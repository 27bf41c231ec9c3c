import { createAuthedClient, type TokenSource } from './authed-client';

function tokens(initial: string | undefined, next: string | undefined): TokenSource & { refreshed: number } {
  let current = initial;
  const source = {
    refreshed: 0,
    accessToken: async () => current,
    refreshNow: async () => {
      source.refreshed += 1;
      current = next;
      return next;
    },
  };
  return source;
}

// Answers 401 to any token but `good`, and records what it saw.
function server() {
  const seen: { auth: string | null; body: string }[] = [];
  const fetch = async (request: Request) => {
    const auth = request.headers.get('authorization');
    seen.push({ auth, body: await request.text() });
    const ok = auth === 'Bearer good';
    return new Response(
      JSON.stringify(ok ? { ok: true } : { statusCode: 401, code: 'UNAUTHORIZED', message: 'no' }),
      {
        status: ok ? 200 : 401,
        headers: { 'content-type': 'application/json' },
      },
    );
  };
  return { seen, fetch: fetch as unknown as typeof globalThis.fetch };
}

const hold = { body: { number: '4008001234' } } as const;

describe('createAuthedClient', () => {
  it('sends the current token', async () => {
    const api = server();
    const source = tokens('good', undefined);
    const client = createAuthedClient('customer', {
      baseUrl: 'http://shop.test',
      fetch: api.fetch,
      tokens: source,
    });
    const { response } = await client.POST('/api/v1/orders', hold as never);
    expect(response.status).toBe(200);
    expect(api.seen.map((s) => s.auth)).toEqual(['Bearer good']);
    expect(source.refreshed).toBe(0);
  });

  it('refreshes once after a 401 and retries with the same body', async () => {
    const api = server();
    const source = tokens('stale', 'good');
    const client = createAuthedClient('customer', {
      baseUrl: 'http://shop.test',
      fetch: api.fetch,
      tokens: source,
    });
    const { response } = await client.POST('/api/v1/orders', hold as never);
    expect(response.status).toBe(200);
    expect(api.seen.map((s) => s.auth)).toEqual(['Bearer stale', 'Bearer good']);
    expect(api.seen[1]?.body).toBe(api.seen[0]?.body);
    expect(api.seen[0]?.body).toContain('4008001234');
  });

  it('gives the 401 back when the refresh fails, and does not retry anonymous requests', async () => {
    const api = server();
    const refused = createAuthedClient('staff', {
      baseUrl: 'http://shop.test',
      fetch: api.fetch,
      tokens: tokens('stale', undefined),
    });
    expect((await refused.POST('/api/v1/orders', hold as never)).response.status).toBe(401);
    const anonymous = tokens(undefined, 'good');
    const client = createAuthedClient('customer', {
      baseUrl: 'http://shop.test',
      fetch: api.fetch,
      tokens: anonymous,
    });
    expect((await client.POST('/api/v1/orders', hold as never)).response.status).toBe(401);
    expect(anonymous.refreshed).toBe(0);
  });
});
