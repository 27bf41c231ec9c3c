import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, type AppConfig } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { DOCUMENT_STORAGE, DocumentStorageModule, type DocumentStorage } from '@haoma/documents';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { OrphanUploads } from '../src/documents/orphan-uploads';
import { insertCustomer } from './order-fixtures';

const HOUR = 3_600_000;
const NOW = new Date('2031-03-01T08:00:00.000Z');

// The orphan purge against the real PostgreSQL and a real documents folder.
describe('orphan uploads', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let moduleRef: TestingModule;
  let ds: DataSource;
  let storage: DocumentStorage;
  let orphans: OrphanUploads;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url, { UPLOAD_ORPHAN_TTL: '24h' });
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'orphan-uploads-test', statementTimeout: false }),
        DocumentStorageModule,
      ],
      providers: [OrphanUploads],
    }).compile();
    await moduleRef.init();
    ds = moduleRef.get<DataSource>(getDataSourceToken());
    storage = moduleRef.get<DocumentStorage>(DOCUMENT_STORAGE);
    orphans = moduleRef.get(OrphanUploads);
    customerId = (await insertCustomer(ds)).id;
  });
  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  /** A stored document (row and bytes) uploaded `age` before NOW. */
  async function upload(age: number, attached = false, withBytes = true): Promise<string> {
    const id = randomUUID();
    const key = `${customerId}/${id}`;
    if (withBytes) await storage.put(key, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    await ds.query(
      `INSERT INTO documents (id, customer_id, kind, content_type, size_bytes, sha256, storage_key,
                              original_name, uploaded_at, attached_at)
       VALUES ($1, $2, 'business_licence', 'image/jpeg', 4, repeat('0', 64), $3, 'a.jpg', $4, $5)`,
      [id, customerId, key, new Date(NOW.getTime() - age), attached ? NOW : null],
    );
    return id;
  }

  const rows = async (): Promise<string[]> =>
    (
      (await ds.query(`SELECT id FROM documents WHERE customer_id = $1 ORDER BY id`, [customerId])) as {
        id: string;
      }[]
    ).map((r) => r.id);
  const files = async (): Promise<string[]> =>
    (await readdir(join(config.DOCUMENTS_DIR, customerId)).catch(() => [] as string[])).sort();
  async function clear(): Promise<void> {
    await ds.query(`DELETE FROM documents WHERE customer_id = $1`, [customerId]);
    await rm(join(config.DOCUMENTS_DIR, customerId), { recursive: true, force: true });
  }

  beforeEach(clear);

  it('deletes old unattached uploads with their bytes, keeps attached and recent ones', async () => {
    const old = await upload(25 * HOUR);
    const older = await upload(30 * 24 * HOUR);
    const gone = await upload(48 * HOUR, false, false); // bytes already missing: fine
    const attached = await upload(48 * HOUR, true);
    const recent = await upload(23 * HOUR);

    expect(await orphans.purge(NOW)).toBe(3);
    const kept = [attached, recent].sort();
    expect(await rows()).toEqual(kept);
    expect(await files()).toEqual(kept);
    expect(await files()).not.toContain(old);
    expect(await files()).not.toContain(older);
    expect(await rows()).not.toContain(gone);

    expect(await orphans.purge(NOW)).toBe(0);
  });

  it('works through more orphans than one batch', async () => {
    const ids = await Promise.all(Array.from({ length: 120 }, () => upload(25 * HOUR)));
    expect(ids).toHaveLength(120);
    expect(await orphans.purge(NOW)).toBe(120);
    expect(await rows()).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('never deletes a document being attached at the same time', async () => {
    const attaching = await upload(25 * HOUR);
    const orphan = await upload(25 * HOUR);
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // A dossier attaching the document: its row is locked until the attach commits.
      await runner.query(`UPDATE documents SET attached_at = $2 WHERE id = $1`, [attaching, NOW]);
      expect(await orphans.purge(NOW)).toBe(1);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await rows()).toEqual([attaching]);
    expect(await files()).toEqual([attaching]);
    expect(await rows()).not.toContain(orphan);
    expect(await orphans.purge(NOW)).toBe(0);
  });
});
