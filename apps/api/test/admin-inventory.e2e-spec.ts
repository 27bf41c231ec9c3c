import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findBlock } from '@haoma/domain';
import { importStorageKey, runRegrade, runUploadedImport } from '@haoma/inventory';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { setHold, signedOrder, STANDARD_NUMBERS } from './payments.fixtures';
import type { AdminNumberResponse, ImportResponse, RegradeRunResponse } from '../src/admin/admin.response';

type Headers = Record<string, string>;

// Numbers of the listed blocks, none of them among STANDARD_NUMBERS (all end in 9999xx).
const LISTED_DIGITS = [...'0123456789'].filter((digit) => findBlock(`400${digit}`) !== undefined);
function generatedLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const digit = LISTED_DIGITS[i % LISTED_DIGITS.length] as string;
    return `400${digit}${String(100_000 + Math.floor(i / LISTED_DIGITS.length)).padStart(6, '0')}`;
  });
}

function csvForm(text: string, fileName = 'numbers.csv', type = 'text/csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type }), fileName);
  return form;
}

describe('admin inventory: imports, numbers, grading rules (e2e)', () => {
  let env: OrdersEnv;
  let admin: Headers;
  let sales: Headers;
  let reviewer: Headers;
  let documentsDir: string;

  beforeAll(async () => {
    env = await startOrdersEnv(STANDARD_NUMBERS);
    documentsDir = env.app.get<AppConfig>(APP_CONFIG).DOCUMENTS_DIR;
    const login = async (role: 'admin' | 'sales' | 'reviewer') => {
      const member = await createStaff(env.dataSource, role);
      return (await loginStaff(env.url, member.email, member.password)).headers;
    };
    [admin, sales, reviewer] = await Promise.all([login('admin'), login('sales'), login('reviewer')]);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function upload(
    headers: Headers,
    form: FormData,
  ): Promise<{ status: number; body: ErrorBody & { id?: string } }> {
    const response = await fetch(`${env.url}/api/v1/admin/inventory/imports`, {
      method: 'POST',
      headers,
      body: form,
    });
    return { status: response.status, body: (await response.json()) as ErrorBody & { id?: string } };
  }

  it('refuses other roles and anonymous callers on every admin inventory route', async () => {
    for (const headers of [sales, reviewer]) {
      expect((await upload(headers, csvForm('4001234567\n'))).status).toBe(403);
      expect((await env.call('GET', '/api/v1/admin/inventory/imports', { headers })).status).toBe(403);
      expect((await env.call('GET', '/api/v1/admin/grading-rules', { headers })).status).toBe(403);
      expect(
        (
          await env.call('POST', `/api/v1/admin/numbers/${STANDARD_NUMBERS[0]}/retire`, {
            headers,
            body: { reason: 'x' },
          })
        ).status,
      ).toBe(403);
    }
    expect((await env.call('GET', '/api/v1/admin/regrade-runs')).status).toBe(401);
  });

  it('refuses files that cannot be imported at all', async () => {
    const multiColumn = await upload(admin, csvForm('a,b\n1,2\n'));
    expect([multiColumn.status, multiColumn.body.code]).toEqual([400, 'IMPORT_FILE_INVALID']);
    const empty = await upload(admin, csvForm(''));
    expect([empty.status, empty.body.code]).toEqual([400, 'IMPORT_FILE_INVALID']);
    const binary = await upload(admin, csvForm('\u0000\u0001', 'x.csv', 'application/pdf'));
    expect([binary.status, binary.body.code]).toEqual([415, 'UPLOAD_TYPE_NOT_ALLOWED']);
    const notMultipart = await env.call('POST', '/api/v1/admin/inventory/imports', {
      headers: admin,
      body: {},
    });
    expect(notMultipart.body.code).toBe('UPLOAD_NOT_MULTIPART');
  });

  it('imports an uploaded CSV as a job with progress, lists the rejected lines, and never imports twice', async () => {
    const good = generatedLines(3_000);
    const lines = [
      'number',
      ...good.slice(0, 1_500),
      '12345',
      STANDARD_NUMBERS[0],
      ...good.slice(1_500),
      '400x',
      '',
    ];
    const queued = await upload(admin, csvForm(lines.join('\n'), '../../secret/新号码.csv'));
    expect(queued.status).toBe(202);
    const id = queued.body.id as string;
    expect(queued.body).toEqual({ id, status: 'queued' });

    const before = await env.call<ImportResponse>('GET', `/api/v1/admin/inventory/imports/${id}`, {
      headers: admin,
    });
    expect(before.body).toMatchObject({ status: 'queued', percent: 0, source: '新号码.csv', linesRead: 0 });
    const stored = await readFile(join(documentsDir, importStorageKey(id)), 'utf8');
    expect(stored).toBe(lines.join('\n'));

    // The job's work, polled while it runs (small batches, so there is progress to see).
    const seen: ImportResponse[] = [];
    let running = true;
    const job = runUploadedImport(env.db.url, id, () => readFile(join(documentsDir, importStorageKey(id))), {
      batchLines: 500,
      progressEveryMs: 0,
    }).finally(() => (running = false));
    while (running) {
      seen.push(
        (await env.call<ImportResponse>('GET', `/api/v1/admin/inventory/imports/${id}`, { headers: admin }))
          .body,
      );
    }
    expect(await job).toMatchObject({ outcome: 'succeeded', added: 3_000, skipped: 1, rejected: 2 });
    const percents = seen.map((s) => s.percent ?? 0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    const final = (
      await env.call<ImportResponse>('GET', `/api/v1/admin/inventory/imports/${id}`, { headers: admin })
    ).body;
    expect(final).toMatchObject({
      status: 'succeeded',
      percent: 100,
      etaSeconds: 0,
      linesRead: 3_003,
      added: 3_000,
      skipped: 1,
      rejected: 2,
      errorsSoFar: 2,
      startedBy: expect.stringMatching(/^staff:/),
    });
    expect(final.rejections?.map((r) => [r.line, r.input, r.reason])).toEqual([
      [1_502, '12345', expect.any(String)],
      [3_004, '400x', expect.any(String)],
    ]);
    expect(final.finishedAt).not.toBeNull();

    // A duplicated job finds the run finished: nothing imported again, counts untouched.
    const again = await runUploadedImport(env.db.url, id, () =>
      Promise.resolve(Buffer.from(lines.join('\n'))),
    );
    expect(again).toEqual({ outcome: 'skipped', reason: 'already succeeded' });
    const [{ n }] = (await env.dataSource.query(`SELECT count(*)::int AS n FROM numbers`)) as [{ n: number }];
    expect(n).toBe(STANDARD_NUMBERS.length + 3_000);

    // A run left `running` by a crash is resumed: numbers already there are skipped.
    await env.dataSource.query(`UPDATE inventory_imports SET status = 'running' WHERE id = $1`, [id]);
    const resumed = await runUploadedImport(env.db.url, id, () =>
      Promise.resolve(Buffer.from(lines.join('\n'))),
    );
    expect(resumed).toMatchObject({ outcome: 'succeeded', added: 0, skipped: 3_001, rejected: 2 });

    const list = await env.call<{ items: ImportResponse[]; nextCursor: string | null }>(
      'GET',
      '/api/v1/admin/inventory/imports?limit=1',
      { headers: admin },
    );
    expect(list.body.items.map((i) => i.id)).toEqual([id]);
    expect(list.body.items[0]?.rejections).toBeUndefined();
    const next = await env.call<{ items: ImportResponse[] }>(
      'GET',
      `/api/v1/admin/inventory/imports?limit=1&cursor=${list.body.nextCursor}`,
      { headers: admin },
    );
    expect(next.body.items[0]?.source).toBe('e2e');
    const audit = await env.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'inventory.import_queued' }]);
  });

  it('answers IMPORT_NOT_FOUND and 400 for a foreign id', async () => {
    const missing = await env.call(
      'GET',
      '/api/v1/admin/inventory/imports/00000000-0000-4000-8000-000000000000',
      {
        headers: admin,
      },
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'IMPORT_NOT_FOUND']);
    expect((await env.call('GET', '/api/v1/admin/inventory/imports/nope', { headers: admin })).status).toBe(
      400,
    );
  });

  const number = STANDARD_NUMBERS[1];
  const numberApi = (action: string, method = 'POST', body?: unknown) =>
    env.call<AdminNumberResponse & ErrorBody>(method, `/api/v1/admin/numbers/${number}/${action}`, {
      headers: admin,
      ...(body === undefined ? {} : { body }),
    });

  it('overrides a fee and removes the override, with history and audit', async () => {
    const [{ selection_fee_fen: graded }] = (await env.dataSource.query(
      'SELECT selection_fee_fen FROM numbers WHERE number = $1',
      [number],
    )) as [{ selection_fee_fen: number }];
    const set = await numberApi('price', 'PUT', { feeFen: 123_400, reason: 'promotion' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      selectionFeeFen: 123_400,
      feeOverridden: true,
      feeOverrideReason: 'promotion',
    });
    const bad = await numberApi('price', 'PUT', { feeFen: -1, reason: 'x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const extra = await numberApi('price', 'PUT', { feeFen: 1, reason: 'x', status: 'retired' });
    expect(extra.status).toBe(400);
    const cleared = await numberApi('price', 'DELETE');
    expect(cleared.body).toMatchObject({
      selectionFeeFen: graded,
      feeOverridden: false,
      feeOverrideReason: null,
    });
    const events = await env.dataSource.query(
      `SELECT from_status, to_status, actor FROM number_events WHERE number = $1 ORDER BY id`,
      [number],
    );
    expect(events).toEqual([
      { from_status: 'available', to_status: 'available', actor: expect.stringMatching(/^staff:/) },
      { from_status: 'available', to_status: 'available', actor: expect.stringMatching(/^staff:/) },
    ]);
    const audit = (await env.dataSource.query(
      `SELECT action, before, after FROM audit_log WHERE target_type = 'number' AND target_id = $1 ORDER BY id`,
      [number],
    )) as { action: string; before: { selectionFeeFen: number }; after: { selectionFeeFen: number } }[];
    expect(audit.map((a) => [a.action, a.before.selectionFeeFen, a.after.selectionFeeFen])).toEqual([
      ['number.price_overridden', graded, 123_400],
      ['number.price_override_removed', 123_400, graded],
    ]);
    const invalid = await env.call('PUT', '/api/v1/admin/numbers/12/price', {
      headers: admin,
      body: { feeFen: 1, reason: 'x' },
    });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'INVALID_NUMBER']);
    const unknown = await env.call('PUT', '/api/v1/admin/numbers/4001999999/price', {
      headers: admin,
      body: { feeFen: 1, reason: 'x' },
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NUMBER_NOT_FOUND']);
  });

  it('retires and unretires only from and to available', async () => {
    expect((await numberApi('unretire', 'POST', { reason: 'x' })).body.code).toBe('NUMBER_NOT_RETIRABLE');
    expect((await numberApi('retire', 'POST', { reason: 'vanity reserve' })).body.status).toBe('retired');
    const twice = await numberApi('retire', 'POST', { reason: 'x' });
    expect([twice.status, twice.body.code]).toEqual([409, 'NUMBER_NOT_RETIRABLE']);
    expect((await numberApi('retire', 'POST', {})).status).toBe(400);
    expect((await numberApi('unretire', 'POST', { reason: 'back' })).body.status).toBe('available');
  });

  it('releases only stuck holds', async () => {
    const customer = await registerCustomer(env.url);
    const liveNumber = STANDARD_NUMBERS[2];
    const order = await signedOrder(env, customer, liveNumber);
    const release = (n: string) =>
      env.call<AdminNumberResponse & ErrorBody>('POST', `/api/v1/admin/numbers/${n}/release-hold`, {
        headers: admin,
        body: { reason: 'stuck' },
      });
    const live = await release(liveNumber);
    expect([live.status, live.body.code]).toEqual([409, 'CONFLICT']);
    expect((await release(STANDARD_NUMBERS[3])).body.code).toBe('NUMBER_NOT_HELD');

    // Ran out, but the expiry job was lost: the order is expired the way the timer would.
    await setHold(env.dataSource, order.id, new Date(Date.now() - 60_000));
    const expired = await release(liveNumber);
    expect(expired.body).toMatchObject({ status: 'available', orderExpired: true, holderOrderId: null });
    const [{ status }] = (await env.dataSource.query('SELECT status FROM orders WHERE id = $1', [
      order.id,
    ])) as [{ status: string }];
    expect(status).toBe('expired');

    // Held by an order that is over (an inconsistency left behind): released directly.
    const other = await signedOrder(env, customer, STANDARD_NUMBERS[4]);
    await env.dataSource.query(`UPDATE orders SET status = 'cancelled' WHERE id = $1`, [other.id]);
    const stuck = await release(STANDARD_NUMBERS[4]);
    expect(stuck.body).toMatchObject({ status: 'available', orderExpired: false });
    const audits = await env.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'number.hold_released'`,
    );
    expect(audits).toEqual([{ n: 2 }]);
  });

  it('stores new grading rules, activates them and re-grades, keeping sold numbers and overridden fees', async () => {
    const rules = (
      await env.call<{
        activeVersion: number;
        versions: { version: number; rules: Record<string, unknown> }[];
      }>('GET', '/api/v1/admin/grading-rules', { headers: admin })
    ).body;
    const active = rules.versions.find((v) => v.version === rules.activeVersion);
    expect(active).toBeDefined();
    const invalid = await env.call('POST', '/api/v1/admin/grading-rules', {
      headers: admin,
      body: { rules: { ...active?.rules, grades: [] } },
    });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'GRADING_RULES_INVALID']);
    expect(invalid.body.problems).toEqual(expect.arrayContaining([expect.any(String)]));

    // Every grade 10 yuan dearer.
    const grades = (active?.rules.grades as { selectionFeeFen: number }[]).map((g) => ({
      ...g,
      selectionFeeFen: g.selectionFeeFen + 1_000,
    }));
    const created = await env.call<{ version: number; active: boolean }>(
      'POST',
      '/api/v1/admin/grading-rules',
      {
        headers: admin,
        body: { rules: { ...active?.rules, grades } },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.active).toBe(false);

    // A sold number (paid) and an overridden fee must not move.
    const customer = await registerCustomer(env.url);
    const soldNumber = STANDARD_NUMBERS[5];
    const sold = await signedOrder(env, customer, soldNumber);
    await env.dataSource.query(`UPDATE numbers SET status = 'locked', held_until = NULL WHERE number = $1`, [
      soldNumber,
    ]);
    await env.call('PUT', `/api/v1/admin/numbers/${STANDARD_NUMBERS[6]}/price`, {
      headers: admin,
      body: { feeFen: 7, reason: 'kept' },
    });
    const fees = async () =>
      new Map(
        (
          (await env.dataSource.query('SELECT number, selection_fee_fen, grading_version FROM numbers')) as {
            number: string;
            selection_fee_fen: number;
            grading_version: number;
          }[]
        ).map((r) => [r.number, r]),
      );
    const before = await fees();

    const started = await env.call<RegradeRunResponse>(
      'POST',
      `/api/v1/admin/grading-rules/${created.body.version}/activate`,
      { headers: admin },
    );
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      status: 'running',
      graded: 0,
      gradingVersion: created.body.version,
    });
    const busy = await env.call('POST', `/api/v1/admin/grading-rules/${created.body.version}/activate`, {
      headers: admin,
    });
    expect([busy.status, busy.body.code]).toEqual([409, 'REGRADE_IN_PROGRESS']);
    const outbox = await env.dataSource.query(
      `SELECT payload FROM outbox_messages WHERE job_name = 'regrade-inventory'`,
    );
    expect(outbox).toEqual([{ payload: { runId: started.body.id } }]);

    // The job's work, in small batches and interrupted once: it resumes where it stopped.
    let batches = 0;
    await expect(
      runRegrade(env.dataSource, started.body.id, {
        batchSize: 700,
        onBatch: () => {
          if (++batches === 2) throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    const midway = (
      await env.call<RegradeRunResponse>('GET', `/api/v1/admin/regrade-runs/${started.body.id}`, {
        headers: admin,
      })
    ).body;
    expect(midway).toMatchObject({ status: 'running', graded: 1_400 });
    expect(midway.percent).toBeGreaterThan(0);
    expect(midway.percent).toBeLessThan(100);
    expect(await runRegrade(env.dataSource, started.body.id, { batchSize: 700 })).toMatchObject({
      outcome: 'succeeded',
    });
    expect(await runRegrade(env.dataSource, started.body.id)).toEqual({
      outcome: 'skipped',
      reason: 'already succeeded',
    });

    const after = await fees();
    const done = (
      await env.call<RegradeRunResponse>('GET', `/api/v1/admin/regrade-runs/${started.body.id}`, {
        headers: admin,
      })
    ).body;
    const eligible = [...before.keys()].filter((n) => n !== soldNumber && n !== STANDARD_NUMBERS[6]);
    expect(done).toMatchObject({
      status: 'succeeded',
      percent: 100,
      graded: done.total,
      changed: done.total,
    });
    expect(done.total).toBe(eligible.length);
    for (const n of eligible) {
      expect(after.get(n)?.selection_fee_fen).toBe((before.get(n)?.selection_fee_fen ?? 0) + 1_000);
      expect(after.get(n)?.grading_version).toBe(created.body.version);
    }
    expect(after.get(soldNumber)).toEqual(before.get(soldNumber));
    expect(after.get(STANDARD_NUMBERS[6])?.selection_fee_fen).toBe(7);
    const [{ price_lines: priceLines }] = (await env.dataSource.query(
      'SELECT price_lines FROM orders WHERE id = $1',
      [sold.id],
    )) as [{ price_lines: unknown }];
    expect(priceLines).toEqual(expect.anything());

    const list = await env.call<{ items: RegradeRunResponse[] }>('GET', '/api/v1/admin/regrade-runs', {
      headers: admin,
    });
    expect(list.body.items.map((r) => r.id)).toEqual([started.body.id]);
    const missing = await env.call('GET', '/api/v1/admin/regrade-runs/00000000-0000-4000-8000-000000000000', {
      headers: admin,
    });
    expect(missing.body.code).toBe('REGRADE_NOT_FOUND');
    const noVersion = await env.call('POST', '/api/v1/admin/grading-rules/999/activate', { headers: admin });
    expect([noVersion.status, noVersion.body.code]).toEqual([400, 'GRADING_RULES_INVALID']);
  });
});
