import type { DocumentListResponse, DocumentResponse } from '../src/documents/document.response';
import { registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import {
  allStoredFiles,
  jpeg,
  pdf,
  png,
  request,
  sha256,
  startDocumentsEnv,
  storedFor,
  upload,
  uploadForm,
  type DocumentsEnv,
  type FormPart,
} from './documents.fixtures';

const MAX_BYTES = 4_096;
const QUOTA_FILES = 3;

describe('document uploads', () => {
  let env: DocumentsEnv;

  beforeAll(async () => {
    env = await startDocumentsEnv({
      UPLOAD_MAX_BYTES: String(MAX_BYTES),
      UPLOAD_QUOTA_FILES: String(QUOTA_FILES),
    });
  });
  afterAll(async () => {
    await env.close();
  });

  const customer = (): Promise<RegisteredCustomer> => registerCustomer(env.url);

  it.each([
    ['JPG', jpeg(), 'image/jpeg', '营业执照.jpg'],
    ['PNG', png(), 'image/png', 'id front.png'],
    ['PDF', pdf(), 'application/pdf', 'undertaking.pdf'],
  ])('stores a %s with its type, size and sha256', async (_name, content, contentType, filename) => {
    const owner = await customer();
    const answer = await upload<DocumentResponse>(
      env,
      owner,
      uploadForm(content, filename, 'business_licence', 'application/octet-stream'),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      kind: 'business_licence',
      contentType,
      sizeBytes: content.length,
      sha256: sha256(content),
      originalName: filename,
      uploadedAt: expect.any(String),
      attached: false,
    });
    expect(await storedFor(env, owner.id)).toEqual({ rows: 1, files: [answer.body.id] });
    const read = await request(env, 'GET', `/api/v1/documents/${answer.body.id}/content`, {
      headers: owner.headers,
    });
    expect(sha256(read.bytes)).toBe(sha256(content));
  });

  it('takes the kind after the file as well as before it, and a file of exactly the limit', async () => {
    const owner = await customer();
    const full = jpeg({ padTo: MAX_BYTES });
    expect(full.length).toBe(MAX_BYTES);
    const answer = await upload<DocumentResponse>(env, owner, [
      { name: 'file', filename: 'scan.jpg', content: full },
      { name: 'kind', value: 'legal_rep_id_front' },
    ]);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      kind: 'legal_rep_id_front',
      sizeBytes: MAX_BYTES,
      sha256: sha256(full),
    });
  });

  const attacks: [string, FormPart[], number, string, Record<string, unknown>][] = [
    [
      'text named .jpg',
      uploadForm(Buffer.from('just some text, honestly a photo'), 'photo.jpg'),
      415,
      'UPLOAD_TYPE_NOT_ALLOWED',
      {},
    ],
    [
      'an HTML page named .png',
      uploadForm(Buffer.from('<html><script>alert(1)</script>'), 'x.png', 'business_licence', 'image/png'),
      415,
      'UPLOAD_TYPE_NOT_ALLOWED',
      {},
    ],
    [
      'one byte over the limit',
      uploadForm(jpeg({ padTo: MAX_BYTES + 1 })),
      413,
      'UPLOAD_TOO_LARGE',
      { maxBytes: MAX_BYTES },
    ],
    ['a file far over the limit', uploadForm(jpeg({ padTo: 3 * 1_048_576 })), 413, 'UPLOAD_TOO_LARGE', {}],
    ['zero bytes', uploadForm(Buffer.alloc(0)), 400, 'UPLOAD_EMPTY', {}],
    [
      'a JPEG with a script',
      uploadForm(jpeg({ comment: '<script>alert(document.cookie)</script>' })),
      415,
      'UPLOAD_POLYGLOT',
      { reason: 'embedded_markup' },
    ],
    [
      'a JPEG that is also a PDF',
      uploadForm(jpeg({ comment: '%PDF-1.4 1 0 obj' })),
      415,
      'UPLOAD_POLYGLOT',
      { reason: 'embedded_pdf' },
    ],
    [
      'a JPEG with a ZIP appended',
      uploadForm(Buffer.concat([jpeg(), Buffer.from('PK\x03\x04\x14\0\0\0\x08\0payload', 'latin1')])),
      415,
      'UPLOAD_POLYGLOT',
      { reason: 'embedded_zip' },
    ],
    [
      'a path for a name',
      uploadForm(jpeg(), '../../etc/passwd.jpg'),
      400,
      'UPLOAD_FILENAME_INVALID',
      { reason: 'path_separator' },
    ],
    [
      'a backslash in the name',
      uploadForm(png(), 'a\\b.png'),
      400,
      'UPLOAD_FILENAME_INVALID',
      { reason: 'path_separator' },
    ],
    [
      'a NUL in the name',
      uploadForm(jpeg(), 'a.php\u0000.jpg'),
      400,
      'UPLOAD_FILENAME_INVALID',
      { reason: 'control_character' },
    ],
    [
      'two files',
      [...uploadForm(jpeg()), { name: 'file', filename: 'two.png', content: png() }],
      400,
      'UPLOAD_TOO_MANY_FILES',
      {},
    ],
    [
      'two files under other names',
      [
        { name: 'kind', value: 'business_licence' },
        { name: 'file', filename: 'a.jpg', content: jpeg() },
        { name: 'other', filename: 'b.jpg', content: jpeg() },
      ],
      400,
      'UPLOAD_TOO_MANY_FILES',
      {},
    ],
    ['an unknown kind', uploadForm(jpeg(), 'a.jpg', 'passport'), 400, 'UPLOAD_KIND_INVALID', {}],
    ['no kind', [{ name: 'file', filename: 'a.jpg', content: jpeg() }], 400, 'UPLOAD_KIND_INVALID', {}],
    ['no file', [{ name: 'kind', value: 'business_licence' }], 400, 'VALIDATION_FAILED', {}],
    [
      'an extra field',
      [...uploadForm(jpeg()), { name: 'storageKey', value: '../x' }],
      400,
      'VALIDATION_FAILED',
      {},
    ],
  ];

  it.each(attacks)('refuses %s and stores nothing', async (_name, parts, status, code, details) => {
    const attacker = await customer();
    const before = await allStoredFiles(env);
    const answer = await upload(env, attacker, parts);
    expect({ status: answer.status, code: answer.body['code'] }).toEqual({ status, code });
    expect(answer.body).toMatchObject(details);
    expect(await storedFor(env, attacker.id)).toEqual({ rows: 0, files: [] });
    expect(await allStoredFiles(env)).toEqual(before);
  });

  it.each([
    ['JSON', 'application/json', '{"kind":"business_licence","file":"/9j/4AAQ"}'],
    ['plain text', 'text/plain', 'hello'],
  ])('refuses a %s body as not multipart', async (_name, contentType, body) => {
    const attacker = await customer();
    const answer = await request(env, 'POST', '/api/v1/documents', {
      headers: attacker.headers,
      contentType,
      body,
    });
    expect({ status: answer.status, code: answer.body['code'] }).toEqual({
      status: 415,
      code: 'UPLOAD_NOT_MULTIPART',
    });
    expect(await storedFor(env, attacker.id)).toEqual({ rows: 0, files: [] });
  });

  it('refuses a multipart body without a boundary', async () => {
    const attacker = await customer();
    const answer = await request(env, 'POST', '/api/v1/documents', {
      headers: attacker.headers,
      contentType: 'multipart/form-data',
      body: 'garbage',
    });
    expect({ status: answer.status, code: answer.body['code'] }).toEqual({
      status: 400,
      code: 'MALFORMED_REQUEST',
    });
  });

  it('keeps each customer to UPLOAD_QUOTA_FILES documents', async () => {
    const owner = await customer();
    for (let i = 0; i < QUOTA_FILES; i++)
      expect((await upload(env, owner, uploadForm(jpeg()))).status).toBe(201);
    const refused = await upload(env, owner, uploadForm(png(), 'more.png'));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'UPLOAD_QUOTA_EXCEEDED',
      quota: 'files',
      quotaFiles: QUOTA_FILES,
    });
    expect((await storedFor(env, owner.id)).rows).toBe(QUOTA_FILES);
    expect((await storedFor(env, owner.id)).files).toHaveLength(QUOTA_FILES);
    // Another customer is not affected.
    expect((await upload(env, await customer(), uploadForm(jpeg()))).status).toBe(201);
  });

  it('lists the customer’s own documents newest first, a page at a time', async () => {
    const owner = await customer();
    const ids: string[] = [];
    for (const content of [jpeg(), png(), pdf()])
      ids.push((await upload<DocumentResponse>(env, owner, uploadForm(content))).body.id);
    await upload(env, await customer(), uploadForm(jpeg()));
    const first = await request<DocumentListResponse>(env, 'GET', '/api/v1/documents?limit=2', {
      headers: owner.headers,
    });
    expect(first.body.items.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    const second = await request<DocumentListResponse>(
      env,
      'GET',
      `/api/v1/documents?limit=2&cursor=${first.body.nextCursor ?? ''}`,
      { headers: owner.headers },
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: ids[0] })],
      limit: 2,
      nextCursor: null,
    });
    const bad = await request(env, 'GET', '/api/v1/documents?cursor=bogus', { headers: owner.headers });
    expect({ status: bad.status, code: bad.body['code'] }).toEqual({ status: 400, code: 'INVALID_QUERY' });
  });

  it('deletes an unattached document with its bytes, and refuses an attached one', async () => {
    const owner = await customer();
    const loose = (await upload<DocumentResponse>(env, owner, uploadForm(jpeg()))).body;
    const used = (await upload<DocumentResponse>(env, owner, uploadForm(png(), 'id.png'))).body;
    await env.dataSource.query(`UPDATE documents SET attached_at = now() WHERE id = $1`, [used.id]);

    const conflict = await request(env, 'DELETE', `/api/v1/documents/${used.id}`, { headers: owner.headers });
    expect({ status: conflict.status, code: conflict.body['code'] }).toEqual({
      status: 409,
      code: 'CONFLICT',
    });
    const deleted = await request(env, 'DELETE', `/api/v1/documents/${loose.id}`, { headers: owner.headers });
    expect(deleted.status).toBe(204);
    expect(await storedFor(env, owner.id)).toEqual({ rows: 1, files: [used.id] });
    const again = await request(env, 'DELETE', `/api/v1/documents/${loose.id}`, { headers: owner.headers });
    expect({ status: again.status, code: again.body['code'] }).toEqual({
      status: 404,
      code: 'DOCUMENT_NOT_FOUND',
    });
    const meta = await request<DocumentResponse>(env, 'GET', `/api/v1/documents/${used.id}`, {
      headers: owner.headers,
    });
    expect(meta.body.attached).toBe(true);
  });
});
