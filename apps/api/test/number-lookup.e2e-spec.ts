import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource, type NumberStatus } from '@haoma/db';
import { appraise, DEFAULT_GRADING_RULES, parseNumber, type ParseErrorCode } from '@haoma/domain';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';
import type { NumberResponse } from '../src/numbers/number.response';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  reason?: string;
}

interface NumberRowOptions {
  status?: NumberStatus;
  heldUntil?: Date;
  grade?: string;
  gradingVersion?: number;
}

const HOLDING: readonly NumberStatus[] = ['held', 'locked', 'assigned', 'suspended'];

// The stored values are the importer's: the domain appraisal of the digits.
async function insertNumber(dataSource: DataSource, digits: string, options: NumberRowOptions = {}) {
  const a = appraise(digits);
  const status = options.status ?? 'available';
  await dataSource.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen,
                          grading_version, status, holder_order_id, held_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      digits,
      a.block,
      a.carrier,
      options.grade ?? a.grade,
      a.tags,
      a.explanation,
      a.selectionFeeFen,
      options.gradingVersion ?? DEFAULT_GRADING_RULES.version,
      status,
      HOLDING.includes(status) ? randomUUID() : null,
      status === 'held' ? (options.heldUntil ?? new Date(Date.now() + 30 * 60_000)) : null,
    ],
  );
}

describe('GET /api/v1/numbers/{number}', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: NestFastifyApplication;
  let url: string;
  let planIds: Record<string, string>;
  const heldUntil = new Date('2031-05-04T03:02:01.000Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await createDataSource({ url: db.url }).initialize();
    await seedCatalog(dataSource);
    const plans = (await dataSource.query(`SELECT code, id FROM plans`)) as { code: string; id: string }[];
    planIds = Object.fromEntries(plans.map((p) => [p.code, p.id]));

    await insertNumber(dataSource, '4009292888'); // gold, shown best as 400-9292-888
    await insertNumber(dataSource, '4006888888'); // diamond
    await insertNumber(dataSource, '4001234567'); // a 4 caps it at standard
    await insertNumber(dataSource, '4000887322'); // no pattern at all
    await insertNumber(dataSource, '4008208888', { status: 'held', heldUntil });
    await insertNumber(dataSource, '4009208888', { status: 'held', heldUntil: new Date(Date.now() - 1_000) });
    await insertNumber(dataSource, '4001668866', { status: 'locked' });
    await insertNumber(dataSource, '4007131452', { status: 'assigned' });
    await insertNumber(dataSource, '4008123123', { status: 'suspended' });
    await insertNumber(dataSource, '4006520520', { status: 'quarantine' });
    await insertNumber(dataSource, '4000556677', { status: 'retired' });
    // Graded by an older rule set whose grade names differ from today's.
    const renamed = {
      ...DEFAULT_GRADING_RULES,
      version: 2,
      grades: DEFAULT_GRADING_RULES.grades.map((g) =>
        g.code === 'platinum' ? { ...g, name: 'Platinum (2024)', nameZh: '白金号' } : g,
      ),
    };
    await dataSource.query(`INSERT INTO grading_rule_sets (version, rules) VALUES (2, $1::jsonb)`, [
      JSON.stringify(renamed),
    ]);
    await insertNumber(dataSource, '4009998877', { gradingVersion: 2 }); // platinum
    // A grade that neither the rules nor any plan know.
    await insertNumber(dataSource, '4007000001', { grade: 'mythic' });

    ({ app, url } = await startApi(testConfig(db.url)));
  });
  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await db.drop();
  });

  function lookup(input: string): Promise<Response> {
    return fetch(`${url}/api/v1/numbers/${encodeURIComponent(input)}`);
  }

  async function found(input: string): Promise<NumberResponse> {
    const response = await lookup(input);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    return (await response.json()) as NumberResponse;
  }

  async function refused(path: string, status: number): Promise<ErrorBody> {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    return (await response.json()) as ErrorBody;
  }

  describe('an available number', () => {
    it('is described in full: forms, block, carrier, grade, tags, fee and the plan it needs', async () => {
      expect(await found('4009292888')).toEqual({
        digits: '4009292888',
        display: '400-929-2888',
        grouping: '3-4-3',
        patternDisplay: '400-9292-888',
        block: '4009',
        carrier: { code: 'telecom', name: 'China Telecom', nameZh: '中国电信' },
        grade: { code: 'gold', name: 'Gold', nameZh: '金号' },
        tags: [
          { tag: 'ABAB', position: 'middle' },
          { tag: 'AAA', position: 'tail' },
          { tag: 'G888', position: 'tail' },
          { tag: 'LUCKY8', position: 'tail' },
        ],
        explanation: 'tail group 888',
        selectionFee: { fen: 500_000, display: '¥5,000.00' },
        cheapestPlan: {
          id: planIds['business'],
          code: 'business',
          version: 1,
          name: 'Business',
          nameZh: '商务套餐',
          annualFee: { fen: 600_000, display: '¥6,000.00' },
        },
        availability: 'available',
        heldUntil: null,
      });
    });

    it.each([
      ['4006888888', 'diamond', 20_000_000, 'premium', 'unicom'],
      ['4001234567', 'standard', 0, 'basic', 'mobile'],
      ['4000887322', 'standard', 0, 'basic', 'unicom'],
    ])(
      '%s: grade %s, fee %i fen, cheapest plan %s, carrier %s',
      async (digits, grade, fee, plan, carrier) => {
        const body = await found(digits);
        expect(body).toMatchObject({
          grade: { code: grade },
          selectionFee: { fen: fee },
          cheapestPlan: { code: plan, id: planIds[plan] },
          carrier: { code: carrier },
          explanation: appraise(digits).explanation,
          availability: 'available',
        });
      },
    );

    it('shows the explanation of a capped grade and a number without any pattern', async () => {
      expect((await found('4001234567')).explanation).toBe(
        'tail ABCDE+ 1234567; contains 4: capped at standard',
      );
      expect(await found('4000887322')).toMatchObject({ tags: [], explanation: 'standard number' });
    });

    it('names the grade as the rule set that graded the number named it', async () => {
      expect((await found('4009998877')).grade).toEqual({
        code: 'platinum',
        name: 'Platinum (2024)',
        nameZh: '白金号',
      });
    });

    it('gives no plan for a grade no current plan allows, and the bare code for an unknown grade', async () => {
      expect(await found('4007000001')).toMatchObject({
        grade: { code: 'mythic', name: 'mythic', nameZh: 'mythic' },
        cheapestPlan: null,
      });
    });

    it('follows the catalog: a retired plan is never the cheapest', async () => {
      await dataSource.query(`UPDATE plans SET retired_at = now() WHERE code = 'business'`);
      try {
        expect((await found('4009292888')).cheapestPlan?.code).toBe('premium');
      } finally {
        await dataSource.query(`UPDATE plans SET retired_at = NULL WHERE code = 'business'`);
      }
    });
  });

  describe('availability', () => {
    it('a held number says until when it is held', async () => {
      expect(await found('4008208888')).toMatchObject({
        digits: '4008208888',
        grade: { code: 'gold' },
        availability: 'held',
        heldUntil: heldUntil.toISOString(),
      });
    });

    it('a hold that ran out reads as available before the sweeper releases it', async () => {
      expect(await found('4009208888')).toMatchObject({ availability: 'available', heldUntil: null });
    });

    it.each([
      ['4001668866', 'locked'],
      ['4007131452', 'assigned'],
      ['4008123123', 'suspended'],
      ['4006520520', 'quarantine'],
      ['4000556677', 'retired'],
    ])('%s (%s) is taken, and nothing more is told', async (digits) => {
      const body = await found(digits);
      expect(body.availability).toBe('taken');
      expect(body.heldUntil).toBeNull();
      expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['status']));
      expect(JSON.stringify(body)).not.toMatch(/locked|assigned|suspended|quarantine|retired|holder/);
    });
  });

  describe('accepts every form parseNumber accepts', () => {
    it.each([
      '4009292888',
      '400-929-2888',
      '400 929 2888',
      '400.929.2888',
      '400-9292-888',
      '4009-292-888',
      '(400) 929-2888',
      '+86 400 929 2888',
      '+86-400-929-2888',
      '+864009292888',
      '(+86) 400 929 2888',
      '0086 400 929 2888',
      '86 400 929 2888',
      '864009292888',
      '４００９２９２８８８',
      '４００－９２９－２８８８',
      '（４００）９２９　２８８８',
      '＋８６ ４００ ９２９ ２８８８',
      ' 400\u3000929\u20132888\u200b ',
    ])('%j', async (input) => {
      expect((await found(input)).digits).toBe('4009292888');
    });

    it('reads the number from a path that is not percent-encoded', async () => {
      for (const path of ['400-929-2888', '+864009292888', '(400)929-2888', '400.929.2888']) {
        const response = await fetch(`${url}/api/v1/numbers/${path}`);
        expect([path, response.status]).toEqual([path, 200]);
        expect(((await response.json()) as NumberResponse).digits).toBe('4009292888');
      }
    });
  });

  describe('refuses what is not a 400 number with 400 INVALID_NUMBER and the reason', () => {
    it.each<[ParseErrorCode, string]>([
      ['EMPTY', ' '],
      ['EMPTY', '--'],
      ['INVALID_CHARACTER', '400-929-288a'],
      ['INVALID_CHARACTER', '400/929/2888'],
      ['INVALID_CHARACTER', '((400)) 929 2888'],
      ['INVALID_CHARACTER', '400 929 2888 +'],
      ['INVALID_COUNTRY_CODE', '+1 400 929 2888'],
      ['INVALID_COUNTRY_CODE', '0044 400 929 2888'],
      ['NOT_400', '800-929-2888'],
      ['NOT_400', '13812345678'],
      ['TOO_SHORT', '400-929-288'],
      ['TOO_LONG', '400-929-28889'],
      ['UNKNOWN_BLOCK', '400-529-2888'],
    ])('%s: %j', async (reason, input) => {
      const parsed = parseNumber(input);
      if (parsed.ok) throw new Error(`${input} should not parse`);
      expect(await refused(`/api/v1/numbers/${encodeURIComponent(input)}`, 400)).toEqual({
        statusCode: 400,
        code: 'INVALID_NUMBER',
        message: parsed.message,
        reason,
      });
    });
  });

  it('answers a valid number that is not in the inventory with 404 NUMBER_NOT_FOUND', async () => {
    expect(await refused('/api/v1/numbers/4008881234', 404)).toEqual({
      statusCode: 404,
      code: 'NUMBER_NOT_FOUND',
      message: '400-888-1234 is not in our inventory.',
    });
    expect((await refused(`/api/v1/numbers/${encodeURIComponent('+86 400 888 1234')}`, 404)).code).toBe(
      'NUMBER_NOT_FOUND',
    );
  });

  it('answers broken encodings and absurd lengths with a 4xx and a stable code, never a 500', async () => {
    for (const path of [
      '/api/v1/numbers/%E4%00',
      '/api/v1/numbers/400%',
      `/api/v1/numbers/${'4'.repeat(500)}`,
      `/api/v1/numbers/${encodeURIComponent('４'.repeat(200))}`,
    ]) {
      const response = await fetch(`${url}${path}`);
      expect([path, response.status >= 400 && response.status < 500]).toEqual([path, true]);
      expect([path, ((await response.json()) as ErrorBody).code]).toEqual([
        path,
        expect.stringMatching(/^(MALFORMED_REQUEST|INVALID_NUMBER)$/),
      ]);
    }
  });

  it('documents the endpoint, its answer and its 400 with the reason codes', async () => {
    const document = (await (await fetch(`${url}/docs/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    const responses = document.paths['/api/v1/numbers/{number}']?.get?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '404']);
    const schemas = document.components.schemas;
    expect(schemas['NumberResponse']?.properties['availability']?.enum).toEqual([
      'available',
      'held',
      'taken',
    ]);
    expect(Object.keys(schemas['NumberResponse']?.properties ?? {})).toEqual(
      expect.arrayContaining(['digits', 'display', 'patternDisplay', 'tags', 'cheapestPlan', 'heldUntil']),
    );
    expect(schemas['InvalidNumberErrorResponse']?.properties['reason']?.enum).toContain('UNKNOWN_BLOCK');
  });
});
