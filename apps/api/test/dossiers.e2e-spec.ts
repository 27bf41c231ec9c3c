import { registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import { customerApi, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { STANDARD_NUMBERS } from './payments.fixtures';
import {
  awaitingDocumentsOrder,
  dossierForm,
  freshCredentials,
  insertDocuments,
} from './verification.fixtures';

interface Dossier {
  id: string;
  currentVersion: number;
  companyName: string;
  current: { version: number; form: Record<string, unknown>; documents: { id: string; kind: string }[] };
  versions: { version: number }[];
}

describe('dossiers and submitting (e2e)', () => {
  let env: OrdersEnv;
  let alice: RegisteredCustomer;
  let bob: RegisteredCustomer;

  beforeAll(async () => {
    env = await startOrdersEnv(STANDARD_NUMBERS);
    alice = await registerCustomer(env.url);
    bob = await registerCustomer(env.url);
  });
  afterAll(async () => {
    await env.close();
  });

  const createDossier = async (
    who: RegisteredCustomer,
    form = dossierForm(),
    kinds?: Parameters<typeof insertDocuments>[2],
  ) =>
    customerApi(env, who).post<Dossier>('/api/v1/dossiers', {
      form,
      documentIds: await insertDocuments(env.dataSource, who.id, kinds),
    });

  it('creates a dossier, adds a version on the current base, refuses a stale base, keeps the history', async () => {
    const api = customerApi(env, alice);
    const credentials = freshCredentials();
    const created = await createDossier(alice, dossierForm(credentials));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      currentVersion: 1,
      current: { version: 1 },
      versions: [{ version: 1 }],
    });
    expect(created.body.current.documents.map((d) => d.kind).sort()).toEqual([
      'business_licence',
      'legal_rep_id_back',
      'legal_rep_id_front',
      'undertaking',
    ]);

    const renamed = dossierForm(credentials, { undertakingSignerName: '陈 静' });
    const documentIds = created.body.current.documents.map((d) => d.id);
    const v2 = await api.post<Dossier>(`/api/v1/dossiers/${created.body.id}/versions`, {
      baseVersion: 1,
      form: renamed,
      documentIds,
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ currentVersion: 2, versions: [{ version: 2 }, { version: 1 }] });

    const stale = await api.post<ErrorBody>(`/api/v1/dossiers/${created.body.id}/versions`, {
      baseVersion: 1,
      form: renamed,
      documentIds,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'DOSSIER_VERSION_CONFLICT', currentVersion: 2 });

    const v1 = await api.get<{ version: number; form: { undertakingSignerName: string } }>(
      `/api/v1/dossiers/${created.body.id}/versions/1`,
    );
    expect(v1.body).toMatchObject({ version: 1, form: { undertakingSignerName: '陈静' } });
    const list = await api.get<{ items: { id: string }[]; nextCursor: string | null }>(
      '/api/v1/dossiers?limit=100',
    );
    expect(list.body.items.map((d) => d.id)).toContain(created.body.id);
  });

  it('answers 400 DOSSIER_INVALID naming every field at fault, and 400 for a bad cursor', async () => {
    const form = dossierForm(freshCredentials(), {
      company: { name: 'X', uscc: '91350100M000100I43', licenceExpiresOn: null },
      legalRepresentative: { name: '陈静', idNumber: '110105194912310021', idExpiresOn: '2026-01-01' },
      // Neither the company's USCC nor a resident ID: refused for its format (fixed here, since a
      // generated USCC whose check character is a digit would look like an ID with a bad check).
      destinations: [
        { number: '0755-86001234', ownerName: '深圳示例贸易有限公司', ownerIdNumber: 'NOT-AN-ID' },
      ],
    });
    const answer = await customerApi(env, alice).post<ErrorBody>('/api/v1/dossiers', {
      form,
      documentIds: [],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('DOSSIER_INVALID');
    expect(answer.body.fields).toEqual([
      { field: 'form.company.uscc', errors: [expect.any(String)], codes: ['INVALID_USCC'] },
      {
        field: 'form.legalRepresentative.idNumber',
        errors: [expect.any(String)],
        codes: ['ID_CHECK_FAILED'],
      },
      { field: 'form.legalRepresentative.idExpiresOn', errors: [expect.any(String)], codes: ['EXPIRED'] },
      {
        field: 'form.destinations[0].ownerIdNumber',
        errors: [expect.any(String)],
        codes: ['INVALID_ID_NUMBER'],
      },
    ]);
    expect((await customerApi(env, alice).get<ErrorBody>('/api/v1/dossiers?cursor=nonsense')).body.code).toBe(
      'INVALID_QUERY',
    );
  });

  it('keeps customers apart: another’s dossier, documents, order and submissions are not found', async () => {
    const theirs = await createDossier(alice);
    const bobApi = customerApi(env, bob);
    expect(await bobApi.get<ErrorBody>(`/api/v1/dossiers/${theirs.body.id}`)).toMatchObject({
      status: 404,
      body: { code: 'DOSSIER_NOT_FOUND' },
    });
    const stolen = await bobApi.post<ErrorBody>('/api/v1/dossiers', {
      form: dossierForm(),
      documentIds: theirs.body.current.documents.map((d) => d.id),
    });
    expect(stolen).toMatchObject({ status: 400, body: { code: 'DOSSIER_DOCUMENT_NOT_USABLE' } });
    expect(
      await bobApi.post<ErrorBody>(`/api/v1/dossiers/${theirs.body.id}/versions`, {
        baseVersion: 1,
        form: dossierForm(),
        documentIds: [],
      }),
    ).toMatchObject({ status: 404, body: { code: 'DOSSIER_NOT_FOUND' } });

    const orderId = await awaitingDocumentsOrder(env, alice, STANDARD_NUMBERS[0]);
    expect(await bobApi.get<ErrorBody>(`/api/v1/orders/${orderId}/submissions`)).toMatchObject({
      status: 404,
      body: { code: 'ORDER_NOT_FOUND' },
    });
    const bobsDossier = await createDossier(bob);
    expect(
      await bobApi.post<ErrorBody>(`/api/v1/orders/${orderId}/submissions`, {
        dossierId: bobsDossier.body.id,
      }),
    ).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_FOUND' } });
    expect(
      await customerApi(env, alice).post<ErrorBody>(`/api/v1/orders/${orderId}/submissions`, {
        dossierId: bobsDossier.body.id,
      }),
    ).toMatchObject({ status: 404, body: { code: 'DOSSIER_NOT_FOUND' } });
  });

  it('refuses an incomplete dossier listing the missing kinds, then submits the complete version', async () => {
    const api = customerApi(env, alice);
    const credentials = freshCredentials();
    const form = dossierForm(credentials, {
      industry: { regulated: true, licenceNumber: '医-2024-001', licenceExpiresOn: '2030-01-01' },
    });
    const dossier = await createDossier(alice, form);
    const orderId = await awaitingDocumentsOrder(env, alice, STANDARD_NUMBERS[1]);

    const incomplete = await api.post<ErrorBody>(`/api/v1/orders/${orderId}/submissions`, {
      dossierId: dossier.body.id,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({
      code: 'DOSSIER_DOCUMENTS_INCOMPLETE',
      missing: ['industry_licence'],
    });
    expect((await api.get(`/api/v1/orders/${orderId}`)).body.status).toBe('awaiting_documents');

    const documentIds = [
      ...dossier.body.current.documents.map((d) => d.id),
      ...(await insertDocuments(env.dataSource, alice.id, ['industry_licence'])),
    ];
    const v2 = await api.post<Dossier>(`/api/v1/dossiers/${dossier.body.id}/versions`, {
      baseVersion: 1,
      form,
      documentIds,
    });
    expect(v2.status).toBe(201);
    const submitted = await api.post<{
      id: string;
      sequence: number;
      status: string;
      dossierVersion: number;
    }>(`/api/v1/orders/${orderId}/submissions`, { dossierId: dossier.body.id });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ sequence: 1, status: 'prechecking', dossierVersion: 2 });
    expect((await api.get(`/api/v1/orders/${orderId}`)).body.status).toBe('under_review');
    const again = await api.post<ErrorBody>(`/api/v1/orders/${orderId}/submissions`, {
      dossierId: dossier.body.id,
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'ORDER_TRANSITION_NOT_ALLOWED' } });
  });
});
