import { uploadDocument, type UploadRequest } from './upload';

// A stand-in XMLHttpRequest the test drives by hand.
class FakeRequest implements UploadRequest {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  sent: FormData | undefined;
  aborted = false;
  status = 0;
  responseText = '';
  upload: UploadRequest['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ loaded, total, lengthComputable });
  }
  answer(status: number, body: string) {
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }
}

const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], '营业执照.jpg', { type: 'image/jpeg' });

function start(extra: { signal?: AbortSignal } = {}) {
  const xhr = new FakeRequest();
  const progress: number[] = [];
  const done = uploadDocument({
    kind: 'business_licence',
    file,
    token: 'tok',
    onProgress: (p) => progress.push(p),
    request: () => xhr,
    ...extra,
  });
  return { xhr, progress, done };
}

describe('uploadDocument', () => {
  it('posts kind then file with the bearer token and reports progress to 100', async () => {
    const { xhr, progress, done } = start();
    expect([xhr.method, xhr.url, xhr.headers['Authorization']]).toEqual([
      'POST',
      '/api/v1/documents',
      'Bearer tok',
    ]);
    const sent = xhr.sent ?? new FormData();
    expect([...sent.keys()]).toEqual(['kind', 'file']);
    expect(sent.get('kind')).toBe('business_licence');
    expect((sent.get('file') as File).name).toBe('营业执照.jpg');
    xhr.progress(0, 0, false);
    xhr.progress(1, 3);
    xhr.progress(3, 3);
    xhr.answer(201, JSON.stringify({ id: 'd1', kind: 'business_licence' }));
    await expect(done).resolves.toMatchObject({ id: 'd1' });
    expect(progress).toEqual([33, 100, 100]);
  });

  it('rejects with the API error envelope', async () => {
    const { xhr, done } = start();
    const envelope = { statusCode: 415, code: 'UPLOAD_TYPE_NOT_ALLOWED', message: 'No' };
    xhr.answer(415, JSON.stringify(envelope));
    await expect(done).rejects.toEqual(envelope);
  });

  it('rejects with a generic error for a non-JSON answer, a network failure or a cancel', async () => {
    const a = start();
    a.xhr.answer(502, '<html>bad gateway</html>');
    await expect(a.done).rejects.toMatchObject({ statusCode: 502, code: 'HTTP_ERROR' });
    const b = start();
    b.xhr.onerror?.();
    await expect(b.done).rejects.toMatchObject({ code: 'NETWORK' });
    const controller = new AbortController();
    const c = start({ signal: controller.signal });
    controller.abort();
    await expect(c.done).rejects.toMatchObject({ code: 'NETWORK' });
    expect(c.xhr.aborted).toBe(true);
  });
});
