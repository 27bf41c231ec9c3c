import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { ConfigModule } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { DOCUMENT_STORAGE, DocumentStorageModule, type DocumentStorage } from '@haoma/documents';
import {
  activateRuleSet,
  createRuleSet,
  importStorageKey,
  listRuleSets,
  newImportId,
  queueImport,
} from '@haoma/inventory';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { BackofficeProcessor } from '../src/backoffice/backoffice.processor';

const job = (name: string, data: unknown, attemptsMade = 0): Job =>
  ({
    name,
    data,
    attemptsMade,
    opts: { attempts: 5 },
    updateProgress: () => Promise.resolve(),
  }) as unknown as Job;

// The backoffice processor against the real PostgreSQL and a real documents folder.
describe('backoffice processor', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let ds: DataSource;
  let storage: DocumentStorage;
  let processor: BackofficeProcessor;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig(db.url)),
        DatabaseModule.forRoot({ applicationName: 'backoffice-test', statementTimeout: false }),
        DocumentStorageModule,
      ],
      providers: [BackofficeProcessor],
    }).compile();
    await moduleRef.init();
    ds = moduleRef.get<DataSource>(getDataSourceToken());
    storage = moduleRef.get<DocumentStorage>(DOCUMENT_STORAGE);
    processor = moduleRef.get(BackofficeProcessor);
    await seedCatalog(ds);
  });
  afterAll(async () => {
    await moduleRef.close();
    await db.drop();
  });

  async function queued(text: string | undefined): Promise<string> {
    const id = newImportId();
    if (text !== undefined) await storage.put(importStorageKey(id), Buffer.from(text));
    await ds.transaction((manager) =>
      queueImport(manager, {
        id,
        source: 'test.csv',
        startedBy: 'staff:test',
        bytesTotal: text?.length ?? 1,
      }),
    );
    return id;
  }
  const importRow = async (id: string) =>
    (
      (await ds.query(
        'SELECT status, added, rejected, bytes_read, bytes_total, error FROM inventory_imports WHERE id = $1',
        [id],
      )) as Record<string, unknown>[]
    )[0];

  it('imports a stored upload, deletes the file, and skips a duplicated job', async () => {
    const id = await queued('4001234567\n4007102938\nbad\n');
    const outcome = await processor.process(job('import-inventory', { importId: id }));
    expect(outcome).toMatchObject({ outcome: 'succeeded', added: 2, rejected: 1 });
    expect(await importRow(id)).toMatchObject({
      status: 'succeeded',
      added: 2,
      rejected: 1,
      bytes_read: '26',
      bytes_total: '26',
    });
    await expect(storage.get(importStorageKey(id))).rejects.toThrow();
    expect(await processor.process(job('import-inventory', { importId: id }))).toEqual({
      outcome: 'skipped',
      reason: 'already succeeded',
    });
  });

  it('fails an import whose file is gone, for good', async () => {
    const id = await queued(undefined);
    await expect(processor.process(job('import-inventory', { importId: id }))).rejects.toThrow(
      /no longer stored/,
    );
    expect(await importRow(id)).toMatchObject({
      status: 'failed',
      error: 'the uploaded file is no longer stored',
    });
  });

  it('runs a re-grade to the end, once', async () => {
    const [active] = await listRuleSets(ds.manager);
    const created = await ds.transaction((manager) => createRuleSet(manager, active?.rules));
    const run = await ds.transaction((manager) => activateRuleSet(manager, created.version, 'staff:test'));
    expect(await processor.process(job('regrade-inventory', { runId: run.id }))).toMatchObject({
      outcome: 'succeeded',
      graded: 2,
    });
    expect(await processor.process(job('regrade-inventory', { runId: run.id }))).toMatchObject({
      outcome: 'skipped',
    });
    const versions = await ds.query('SELECT DISTINCT grading_version FROM numbers');
    expect(versions).toEqual([{ grading_version: created.version }]);
  });
});
