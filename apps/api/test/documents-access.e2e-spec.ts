import type {
  DocumentListResponse,
  DocumentResponse,
  StaffDocumentResponse,
} from '../src/documents/document.response';
import { createStaff, loginStaff, registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import {
  jpeg,
  pdf,
  request,
  sha256,
  startDocumentsEnv,
  upload,
  uploadForm,
  type DocumentsEnv,
} from './documents.fixtures';

const CONTENT_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
  'content-security-policy': "default-src 'none'; sandbox",
};

// Only the owner and reviewers (and admins) ever see a document; anyone else learns nothing.
describe('document access', () => {
  let env: DocumentsEnv;
  let owner: RegisteredCustomer;
  let stranger: RegisteredCustomer;
  let staff: Record<'reviewer' | 'admin' | 'sales', { authorization: string }>;
  let document: DocumentResponse;
  const content = jpeg({ comment: 'scanned licence' });

  beforeAll(async () => {
    env = await startDocumentsEnv();
    owner = await registerCustomer(env.url);
    stranger = await registerCustomer(env.url);
    staff = { reviewer: { authorization: '' }, admin: { authorization: '' }, sales: { authorization: '' } };
    for (const role of ['reviewer', 'admin', 'sales'] as const) {
      const member = await createStaff(env.dataSource, role);
      staff[role] = (await loginStaff(env.url, member.email, member.password)).headers;
    }
    const answer = await upload<DocumentResponse>(env, owner, uploadForm(content, '营业执照 (正本).jpg'));
    if (answer.status !== 201) throw new Error(`upload answered ${answer.status}`);
    document = answer.body;
  });
  afterAll(async () => {
    await env.close();
  });

  it('serves the owner the bytes as a download that is never sniffed, rendered or cached', async () => {
    const answer = await request(env, 'GET', `/api/v1/documents/${document.id}/content`, {
      headers: owner.headers,
    });
    expect(answer.status).toBe(200);
    expect(sha256(answer.bytes)).toBe(sha256(content));
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(answer.headers.get('content-length')).toBe(String(content.length));
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="${document.id}.jpg"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E6%AD%A3%E6%9C%AC%29.jpg`,
    );
    for (const [name, value] of Object.entries(CONTENT_HEADERS)) expect(answer.headers.get(name)).toBe(value);
  });

  it('serves a PDF as a PDF download', async () => {
    const answer = await upload<DocumentResponse>(
      env,
      owner,
      uploadForm(pdf(), 'x.jpg', 'undertaking', 'image/jpeg'),
    );
    const read = await request(env, 'GET', `/api/v1/documents/${answer.body.id}/content`, {
      headers: owner.headers,
    });
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${answer.body.id}\\.pdf"`),
    );
  });

  it('answers another customer 404 for metadata, bytes and delete, as for a document that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [document.id, missing]) {
      for (const [method, path] of [
        ['GET', `/api/v1/documents/${id}`],
        ['GET', `/api/v1/documents/${id}/content`],
        ['DELETE', `/api/v1/documents/${id}`],
      ] as const) {
        const answer = await request(env, method, path, { headers: stranger.headers });
        expect({ path, status: answer.status, code: answer.body['code'] }).toEqual({
          path,
          status: 404,
          code: 'DOCUMENT_NOT_FOUND',
        });
      }
    }
    const list = await request<DocumentListResponse>(env, 'GET', '/api/v1/documents', {
      headers: stranger.headers,
    });
    expect(list.body.items).toEqual([]);
    expect(
      (await request(env, 'GET', `/api/v1/documents/${document.id}`, { headers: owner.headers })).status,
    ).toBe(200);
  });

  it.each(['reviewer', 'admin'] as const)('lets the %s read any document', async (role) => {
    const meta = await request<StaffDocumentResponse>(env, 'GET', `/api/v1/staff/documents/${document.id}`, {
      headers: staff[role],
    });
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({
      id: document.id,
      customerId: owner.id,
      sha256: sha256(content),
      attachedAt: null,
    });
    const bytes = await request(env, 'GET', `/api/v1/staff/documents/${document.id}/content`, {
      headers: staff[role],
    });
    expect(bytes.status).toBe(200);
    expect(sha256(bytes.bytes)).toBe(sha256(content));
    for (const [name, value] of Object.entries(CONTENT_HEADERS)) expect(bytes.headers.get(name)).toBe(value);
    expect(bytes.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('refuses sales staff and customers on the staff routes, and staff on the customer routes', async () => {
    for (const [headers, path] of [
      [staff.sales, `/api/v1/staff/documents/${document.id}`],
      [staff.sales, `/api/v1/staff/documents/${document.id}/content`],
      [owner.headers, `/api/v1/staff/documents/${document.id}`],
      [owner.headers, `/api/v1/staff/documents/${document.id}/content`],
      [staff.reviewer, `/api/v1/documents/${document.id}/content`],
    ] as const) {
      const answer = await request(env, 'GET', path, { headers });
      expect({ path, status: answer.status, code: answer.body['code'] }).toEqual({
        path,
        status: 403,
        code: 'FORBIDDEN',
      });
      expect(answer.bytes.includes(Buffer.from(content))).toBe(false);
    }
  });

  it('answers 401 without a login', async () => {
    for (const [method, path] of [
      ['GET', `/api/v1/documents/${document.id}/content`],
      ['GET', `/api/v1/staff/documents/${document.id}/content`],
      ['GET', '/api/v1/documents'],
      ['POST', '/api/v1/documents'],
    ] as const) {
      const answer = await request(env, method, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
    }
  });

  it('answers 404 to a reviewer for a document that does not exist, 400 for an id that is not one', async () => {
    const missing = await request(
      env,
      'GET',
      '/api/v1/staff/documents/00000000-0000-4000-8000-000000000000',
      {
        headers: staff.reviewer,
      },
    );
    expect({ status: missing.status, code: missing.body['code'] }).toEqual({
      status: 404,
      code: 'DOCUMENT_NOT_FOUND',
    });
    const bad = await request(env, 'GET', '/api/v1/documents/..%2F..%2Fetc', { headers: owner.headers });
    expect({ status: bad.status, code: bad.body['code'] }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });
});
