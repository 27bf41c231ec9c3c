// The web app's API types are generated from the OpenAPI document of the running API, and
// committed (apps/web/src/api/schema.d.ts) so that the web build needs no API. This suite
// regenerates them and fails when the committed file is stale; `npm run web:api` runs it
// with WEB_API_WRITE=1, which writes the file instead.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';

const SCHEMA_FILE = join(__dirname, '..', '..', 'web', 'src', 'api', 'schema.d.ts');
const HEADER =
  "// Generated from the API's OpenAPI document by `npm run web:api` (openapi-typescript). Do not edit:\n" +
  '// apps/api/test/web-api-client.e2e-spec.ts fails when this file no longer matches the API.\n\n';

let db: TestDatabase;
let app: NestFastifyApplication;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, url } = await startApi(testConfig(db.url)));
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

it('the committed API types of the web app match the OpenAPI document', async () => {
  const response = await fetch(`${url}/docs/openapi.json`);
  expect(response.status).toBe(200);
  const document = (await response.json()) as Parameters<typeof openapiTS>[0];
  const generated = HEADER + astToString(await openapiTS(document, { alphabetize: true }));
  if (process.env['WEB_API_WRITE'] === '1') {
    await writeFile(SCHEMA_FILE, generated);
    return;
  }
  const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  // A plain comparison (not toEqual) keeps the failure short: run `npm run web:api`.
  if (committed !== generated) {
    throw new Error(
      `${SCHEMA_FILE} is stale: the API changed. Run \`npm run web:api\` and commit the result.`,
    );
  }
});
