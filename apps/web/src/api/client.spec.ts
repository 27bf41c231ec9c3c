import { createApiClient, isApiError } from './client';

// A fetch that records the request and answers with `body`.
function recordingFetch(body: unknown, status = 200) {
  const requests: Request[] = [];
  const fetch = (input: Request) => {
    requests.push(input);
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  };
  return { requests, fetch: fetch as unknown as typeof globalThis.fetch };
}

describe('createApiClient', () => {
  it('sends the bearer token read at request time', async () => {
    const session: { token?: string } = {};
    const { requests, fetch } = recordingFetch({ items: [], limit: 20, nextCursor: null });
    const client = createApiClient({ baseUrl: 'http://shop.test', token: () => session.token, fetch });
    await client.GET('/api/v1/numbers', { params: { query: { endsWith: '8888' } } });
    session.token = 'abc';
    const { data } = await client.GET('/api/v1/numbers', { params: { query: { endsWith: '8888' } } });
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([null, 'Bearer abc']);
    expect(requests[0]?.url).toBe('http://shop.test/api/v1/numbers?endsWith=8888');
    expect(data?.nextCursor).toBeNull();
  });

  it('hands back the error envelope', async () => {
    const envelope = { statusCode: 400, code: 'INVALID_QUERY', message: 'Bad', fields: [] };
    const { fetch } = recordingFetch(envelope, 400);
    const { error } = await createApiClient({ baseUrl: 'http://shop.test', fetch }).GET(
      '/api/v1/numbers/suggest',
      {
        params: { query: { q: '' } },
      },
    );
    expect(isApiError(error)).toBe(true);
    expect(isApiError({ message: 'no code' })).toBe(false);
  });
});
