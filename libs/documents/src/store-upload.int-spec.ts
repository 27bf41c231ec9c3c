import { createHash, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import {
  concat,
  createTestDatabase,
  sampleJpeg,
  samplePdf,
  samplePng,
  type TestDatabase,
} from '@haoma/testing';
import { deleteUnattachedDocument } from './delete-document';
import { DocumentError } from './document-errors';
import { listDocuments } from './document-queries';
import { LocalDocumentStorage } from './local-document-storage';
import { storeUpload, type UploadInput } from './store-upload';
import type { UploadLimits } from './upload-limits';

const LIMITS: UploadLimits = { maxBytes: 4_096, quotaFiles: 3, quotaBytes: 2 * 1_048_576 };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('storeUpload', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let root: string;
  let storage: LocalDocumentStorage;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 8 }).initialize();
    root = join(tmpdir(), `haoma-documents-int-${randomUUID()}`);
    storage = new LocalDocumentStorage(root);
    // A failure after the bytes are written: the insert of this name raises.
    await ds.query(`
      CREATE FUNCTION fail_marked_upload() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.original_name = 'fail-after-put.jpg' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_marked_upload BEFORE INSERT ON documents
        FOR EACH ROW EXECUTE FUNCTION fail_marked_upload();`);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  async function newCustomer(): Promise<string> {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
       VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
      [id, `c-${id}@example.com`],
    );
    return id;
  }

  const filesOf = async (customerId: string): Promise<string[]> =>
    readdir(join(root, customerId)).catch(() => []);
  const rowsOf = async (customerId: string): Promise<number> =>
    (
      (await ds.query(`SELECT count(*)::int AS n FROM documents WHERE customer_id = $1`, [customerId])) as {
        n: number;
      }[]
    )[0]?.n ?? -1;
  const upload = (customerId: string, over: Partial<UploadInput> = {}, limits = LIMITS) =>
    storeUpload(
      ds,
      storage,
      { customerId, kind: 'business_licence', fileName: 'licence.jpg', content: sampleJpeg(), ...over },
      limits,
    );

  it('stores JPG, PNG and PDF under generated keys, with type, size and sha256', async () => {
    const customerId = await newCustomer();
    for (const [content, contentType] of [
      [sampleJpeg(), 'image/jpeg'],
      [samplePng(), 'image/png'],
      [samplePdf(), 'application/pdf'],
    ] as const) {
      // The declared name says .jpg every time: only the bytes decide.
      const stored = await upload(customerId, { content, fileName: ' 营业执照.jpg ' });
      expect(stored).toMatchObject({
        customerId,
        kind: 'business_licence',
        contentType,
        sizeBytes: content.length,
        sha256: sha256(content),
        storageKey: `${customerId}/${stored.id}`,
        originalName: '营业执照.jpg',
        attachedAt: null,
      });
      expect(sha256(await storage.get(stored.storageKey))).toBe(sha256(content));
    }
    expect(await filesOf(customerId)).toHaveLength(3);
  });

  it.each<[string, Partial<UploadInput>, string]>([
    ['an unknown kind', { kind: 'passport' }, 'UPLOAD_KIND_INVALID'],
    ['a path for a name', { fileName: '../../etc/passwd.jpg' }, 'UPLOAD_FILENAME_INVALID'],
    ['no bytes', { content: new Uint8Array() }, 'UPLOAD_EMPTY'],
    [
      'one byte too many',
      { content: concat(sampleJpeg(), new Uint8Array(4_097 - sampleJpeg().length)) },
      'UPLOAD_TOO_LARGE',
    ],
    ['text named .jpg', { content: concat('hello, not a photo') }, 'UPLOAD_TYPE_NOT_ALLOWED'],
    [
      'a JPEG with a script',
      { content: sampleJpeg({ comment: '<script>alert(1)</script>' }) },
      'UPLOAD_POLYGLOT',
    ],
  ])('refuses %s with %s and stores nothing', async (_name, over, code) => {
    const customerId = await newCustomer();
    await expect(upload(customerId, over)).rejects.toMatchObject({ code });
    expect(await rowsOf(customerId)).toBe(0);
    expect(await filesOf(customerId)).toEqual([]);
  });

  it('cuts a stream off as soon as it passes the limit', async () => {
    const customerId = await newCustomer();
    let pulled = 0;
    async function* endless(): AsyncIterable<Uint8Array> {
      yield sampleJpeg();
      for (;;) {
        pulled += 1;
        yield new Uint8Array(1_000);
      }
    }
    await expect(upload(customerId, { content: endless() })).rejects.toMatchObject({
      code: 'UPLOAD_TOO_LARGE',
    });
    // 4 096 bytes allowed: the JPEG and four 1 000-byte chunks fit, the fifth crosses the
    // limit, and nothing is read after it.
    expect(pulled).toBe(5);
    expect(await filesOf(customerId)).toEqual([]);
  });

  it('accepts a stream of exactly the limit', async () => {
    const customerId = await newCustomer();
    const jpeg = sampleJpeg();
    const full = concat(
      jpeg.slice(0, -2),
      new Uint8Array(LIMITS.maxBytes - jpeg.length).fill(0x11),
      [0xff, 0xd9],
    );
    async function* chunks(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < full.length; i += 1_000) yield full.slice(i, i + 1_000);
    }
    await expect(upload(customerId, { content: chunks() })).resolves.toMatchObject({
      sizeBytes: LIMITS.maxBytes,
    });
  });

  it('removes the bytes again when the row does not commit', async () => {
    const customerId = await newCustomer();
    await expect(upload(customerId, { fileName: 'fail-after-put.jpg' })).rejects.toThrow(
      'refused by the test',
    );
    expect(await rowsOf(customerId)).toBe(0);
    expect(await filesOf(customerId)).toEqual([]);
  });

  it('keeps to the file quota under concurrent uploads', async () => {
    const customerId = await newCustomer();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => upload(customerId)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(LIMITS.quotaFiles);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DocumentError);
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'UPLOAD_QUOTA_EXCEEDED',
        details: { quota: 'files', quotaFiles: 3 },
      });
    }
    expect(await rowsOf(customerId)).toBe(3);
    expect(await filesOf(customerId)).toHaveLength(3);
  });

  it('keeps to the byte quota', async () => {
    const customerId = await newCustomer();
    const limits = { ...LIMITS, quotaFiles: 100, quotaBytes: sampleJpeg().length * 2 + 1 };
    await upload(customerId, {}, limits);
    await upload(customerId, {}, limits);
    await expect(upload(customerId, {}, limits)).rejects.toMatchObject({
      code: 'UPLOAD_QUOTA_EXCEEDED',
      details: { quota: 'bytes' },
    });
    expect(await filesOf(customerId)).toHaveLength(2);
  });

  it('lists a customer’s documents newest first, a page at a time', async () => {
    const customerId = await newCustomer();
    const limits = { ...LIMITS, quotaFiles: 10 };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(customerId, {}, limits)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDocuments(ds.manager, { customerId, limit: 2, cursor });
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('deletes an unattached document with its bytes, never an attached or another customer’s one', async () => {
    const owner = await newCustomer();
    const other = await newCustomer();
    const loose = await upload(owner);
    const used = await upload(owner);
    await ds.query(`UPDATE documents SET attached_at = now() WHERE id = $1`, [used.id]);

    await expect(
      deleteUnattachedDocument(ds, storage, { customerId: other, documentId: loose.id }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    await expect(
      deleteUnattachedDocument(ds, storage, { customerId: owner, documentId: used.id }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_ATTACHED' });
    await deleteUnattachedDocument(ds, storage, { customerId: owner, documentId: loose.id });

    expect(await filesOf(owner)).toEqual([used.id]);
    await expect(
      deleteUnattachedDocument(ds, storage, { customerId: owner, documentId: loose.id }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
  });
});
