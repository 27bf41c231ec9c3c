// The authorization matrix: every route of the API, who may call it, and a request that
// succeeds for the roles that may. authorization-matrix.e2e-spec.ts generates one test per
// route × caller from this table, and fails when the app has a route the table lacks (or
// the other way round): a new endpoint needs an entry here.
import type { StaffRole } from '@haoma/db';

/** Who calls: nobody, two customers, each staff role, and a deactivated admin. */
export const CALLERS = [
  'anonymous',
  'customerA',
  'customerB',
  'sales',
  'reviewer',
  'admin',
  'deactivated',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Who a route is for, as the table declares it (the test derives each caller's status from it). */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** A customer collection (list, create): both customers succeed. */
  | { kind: 'customer' }
  /** One of customer A's resources: B gets 404, never A's data. */
  | { kind: 'own' }
  | { kind: 'staff'; roles: readonly StaffRole[] };

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
export const CUSTOMER: Access = { kind: 'customer' };
export const OWN: Access = { kind: 'own' };
export const staff = (...roles: StaffRole[]): Access => ({
  kind: 'staff',
  roles: roles.length ? roles : ['sales', 'reviewer', 'admin'],
});

/** What the fixtures hold: real rows the requests name, and makers of fresh ones. */
export interface MatrixFixtures {
  staffIds: Record<'sales' | 'reviewer' | 'admin' | 'deactivated', string>;
  customerA: { id: string; email: string; password: string };
  customerB: { id: string };
  /** A's order on hold (selection, extension). */
  heldOrderA: string;
  /** A's paid order awaiting documents, with a payment and notifications. */
  paidOrderA: string;
  /** A notification of paidOrderA. */
  notificationA: string;
  /** A's uploaded document (bytes stored). */
  documentA: string;
  /** A's dossier (version 1) and its documents. */
  dossierA: { id: string; documentIds: string[] };
  /** A prechecked submission of A awaiting review. */
  submissionA: string;
  /** A's live line and a reverification campaign over it. */
  serviceA: { id: string; dossierId: string };
  campaign: string;
  /** An open re-verification task of A. */
  taskA: string;
  /** A multipart upload of a small real JPEG as a business licence. */
  upload: NonNullable<MatrixRequest['form']>;
  /** An available number no request changes (lookups, refused requests). */
  lookupNumber: string;
  /** The grading rules in force (a valid body for a new rule set). */
  gradingRules: Record<string, unknown>;
  /** A CSV upload of two numbers. */
  csv: NonNullable<MatrixRequest['form']>;
  /** The current agreements (signatures and tasks name them). */
  agreements: { kind: string; version: number }[];
  agreementId: string;
  fresh: {
    /** A new order of A on hold, its plan chosen (signature-ready). */
    heldOrderA(): Promise<string>;
    /** A new order of A awaiting payment, and what it costs. */
    signedOrderA(): Promise<{ id: string; totalFen: number }>;
    /** A new paid order of A awaiting documents. */
    paidOrderA(): Promise<string>;
    /** A new uploaded document of A. */
    documentA(): Promise<string>;
    /** A new live line of A, and its dossier. */
    serviceA(): Promise<{ id: string; dossierId: string }>;
    /** A new prechecked submission of A. */
    submissionA(): Promise<string>;
    /** A dossier body with fresh credentials and fresh documents of `caller` (A's for staff). */
    dossierBody(caller: Caller): Promise<{ form: object; documentIds: string[] }>;
    /** A new dossier of A (version 1). */
    dossierA(): Promise<string>;
    /** A new active staff member. */
    staffMember(): Promise<string>;
    /** An available standard number nobody else is handed. */
    number(): string;
    /** An available number with a price override. */
    pricedNumber(): Promise<string>;
    /** A retired number. */
    retiredNumber(): Promise<string>;
    /** A number held by a new order of A. */
    heldNumberA(): Promise<string>;
    /** A plan, a feature published for this call (its code). */
    planCode(): Promise<string>;
    featureCode(): Promise<string>;
    /** A new grading rule set (its version). */
    gradingVersion(): Promise<number>;
    /** A line of A that is suspended (regulator flag). */
    suspendedServiceA(): Promise<string>;
    /** Plan and feature bodies with a fresh code. */
    planBody(): object;
    featureBody(): object;
    /** A bank reference not used before. */
    reference(): string;
    /** A pending refund of a new bank-transfer-paid order of A (staff settle it by hand). */
    pendingRefundA(): Promise<string>;
    email(): string;
  };
}

/** One request: path parameters, query, and a JSON body or a multipart form. */
export interface MatrixRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  form?: { name: string; value?: string; filename?: string; contentType?: string; content?: Uint8Array }[];
}

export interface MatrixEntry {
  /** `METHOD /path/:pattern`, exactly as RouteAccessAudit lists it. */
  route: string;
  access: Access;
  /**
   * The request each caller sends. `succeeds` says whether this caller is expected through:
   * a mutation then works on a fresh row so the shared fixtures stay as the others need them.
   */
  request?: (f: MatrixFixtures, succeeds: boolean, caller: Caller) => MatrixRequest | Promise<MatrixRequest>;
  /** The status of the callers let through (default: any 2xx). */
  ok?: number | '2xx';
  /**
   * Why a staff mutation that answers 2xx writes no audit row yet (a known gap the test
   * pins: it fails once the row is written, so the entry is removed then).
   */
  auditGap?: string;
  /** The request ends the caller's session: send it on a fresh login of the same account. */
  ownSession?: boolean;
}

const id = (value: string) => ({ params: { id: value } });
const orderId = (value: string) => ({ params: { orderId: value } });
const REPORT_PERIOD = { from: '2026-01-01', to: '2026-01-31' };

export const AUTHORIZATION_MATRIX: readonly MatrixEntry[] = [
  // ── public ───────────────────────────────────────────────────────────────────────────
  { route: 'GET /health', access: PUBLIC },
  { route: 'GET /api/v1/plans', access: PUBLIC },
  { route: 'GET /api/v1/features', access: PUBLIC },
  { route: 'GET /api/v1/agreements', access: PUBLIC },
  { route: 'GET /api/v1/numbers', access: PUBLIC },
  { route: 'GET /api/v1/numbers/suggest', access: PUBLIC, request: () => ({ query: { q: '4008' } }) },
  {
    route: 'GET /api/v1/numbers/:number',
    access: PUBLIC,
    request: (f) => ({ params: { number: f.lookupNumber } }),
  },
  {
    route: 'POST /api/v1/auth/register',
    access: PUBLIC,
    ok: 201,
    request: (f) => ({
      body: {
        companyName: 'Matrix Co',
        contactName: 'Matrix',
        email: f.fresh.email(),
        mobile: '13800138000',
        password: 'correct horse 1',
      },
    }),
  },
  {
    route: 'POST /api/v1/auth/login',
    access: PUBLIC,
    ok: 200,
    request: (f) => ({ body: { email: f.customerA.email, password: f.customerA.password } }),
  },
  // A refresh token nobody was given: the same 401 for every caller (the route is public).
  {
    route: 'POST /api/v1/auth/refresh',
    access: PUBLIC,
    ok: 401,
    request: () => ({ body: { refreshToken: 'r'.repeat(43) } }),
  },
  // Wrong password: the same 401 whoever asks; what matters is that no token is needed.
  {
    route: 'POST /api/v1/staff/auth/login',
    access: PUBLIC,
    ok: 401,
    request: () => ({ body: { email: 'nobody@haoma.test', password: 'Wrong pass 123' } }),
  },
  { route: 'POST /api/v1/webhooks/stripe', access: PUBLIC, ok: 400, request: () => ({ body: {} }) },
  // The sandbox checkout page of a payment that does not exist.
  {
    route: 'GET /sandbox/checkout/:paymentId',
    access: PUBLIC,
    ok: 404,
    request: () => ({ params: { paymentId: '00000000-0000-4000-8000-000000000000' } }),
  },
  {
    route: 'POST /sandbox/checkout/:paymentId/:outcome',
    access: PUBLIC,
    ok: 404,
    request: () => ({ params: { paymentId: '00000000-0000-4000-8000-000000000000', outcome: 'succeed' } }),
  },

  // ── any account ──────────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/me', access: AUTHENTICATED },
  // Logging out ends the caller's session: this row runs on a session of its own.
  { route: 'POST /api/v1/auth/logout', access: AUTHENTICATED, ownSession: true },

  // ── customers: orders ────────────────────────────────────────────────────────────────
  {
    route: 'POST /api/v1/orders',
    access: CUSTOMER,
    ok: 201,
    request: (f) => ({ body: { number: f.fresh.number() } }),
  },
  { route: 'GET /api/v1/orders', access: CUSTOMER },
  { route: 'GET /api/v1/orders/:id', access: OWN, request: (f) => id(f.heldOrderA) },
  {
    route: 'POST /api/v1/orders/:id/cancel',
    access: OWN,
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.heldOrderA() : f.heldOrderA),
      body: { reason: 'changed my mind' },
    }),
  },
  {
    route: 'PUT /api/v1/orders/:id/selection',
    access: OWN,
    request: (f) => ({ ...id(f.heldOrderA), body: { planCode: 'basic', featureCodes: [] } }),
  },
  {
    route: 'POST /api/v1/orders/:id/hold-extension',
    access: OWN,
    request: async (f, succeeds) => id(succeeds ? await f.fresh.heldOrderA() : f.heldOrderA),
  },
  {
    route: 'POST /api/v1/orders/:id/signature',
    access: OWN,
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.heldOrderA() : f.heldOrderA),
      body: { signerName: '李伟', signerTitle: '经理', agreements: f.agreements },
    }),
  },
  {
    route: 'POST /api/v1/orders/:id/checkout',
    access: OWN,
    request: async (f, succeeds) => id(succeeds ? (await f.fresh.signedOrderA()).id : f.heldOrderA),
  },
  { route: 'GET /api/v1/orders/:id/payments', access: OWN, request: (f) => id(f.paidOrderA) },

  // ── customers: documents, dossiers, submissions ──────────────────────────────────────
  {
    route: 'POST /api/v1/documents',
    access: CUSTOMER,
    ok: 201,
    request: (f) => ({ form: f.upload }),
  },
  { route: 'GET /api/v1/documents', access: CUSTOMER },
  { route: 'GET /api/v1/documents/:id', access: OWN, request: (f) => id(f.documentA) },
  { route: 'GET /api/v1/documents/:id/content', access: OWN, request: (f) => id(f.documentA) },
  {
    route: 'DELETE /api/v1/documents/:id',
    access: OWN,
    request: async (f, succeeds) => id(succeeds ? await f.fresh.documentA() : f.documentA),
  },
  {
    route: 'POST /api/v1/dossiers',
    access: CUSTOMER,
    ok: 201,
    request: async (f, _succeeds, caller) => ({ body: await f.fresh.dossierBody(caller) }),
  },
  { route: 'GET /api/v1/dossiers', access: CUSTOMER },
  { route: 'GET /api/v1/dossiers/:id', access: OWN, request: (f) => id(f.dossierA.id) },
  {
    route: 'GET /api/v1/dossiers/:id/versions/:version',
    access: OWN,
    request: (f) => ({ params: { id: f.dossierA.id, version: '1' } }),
  },
  {
    route: 'POST /api/v1/dossiers/:id/versions',
    access: OWN,
    ok: 201,
    request: async (f, succeeds, caller) => {
      const { form, documentIds } = await f.fresh.dossierBody(caller);
      return {
        ...id(succeeds ? await f.fresh.dossierA() : f.dossierA.id),
        body: { form, documentIds, baseVersion: 1 },
      };
    },
  },
  {
    route: 'POST /api/v1/orders/:id/submissions',
    access: OWN,
    ok: 201,
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.paidOrderA() : f.paidOrderA),
      body: { dossierId: f.dossierA.id },
    }),
  },
  { route: 'GET /api/v1/orders/:id/submissions', access: OWN, request: (f) => id(f.paidOrderA) },

  // ── customers: lines and re-verification ─────────────────────────────────────────────
  { route: 'GET /api/v1/services', access: CUSTOMER },
  { route: 'GET /api/v1/services/:id', access: OWN, request: (f) => id(f.serviceA.id) },
  {
    route: 'POST /api/v1/services/:id/reverify',
    access: OWN,
    request: async (f, succeeds) => {
      const line = succeeds ? await f.fresh.serviceA() : f.serviceA;
      return { ...id(line.id), body: { dossierId: line.dossierId } };
    },
  },
  { route: 'GET /api/v1/reverification-tasks', access: CUSTOMER },
  {
    route: 'POST /api/v1/reverification-tasks/:id/complete',
    access: OWN,
    // Completing the task for real needs a fresh campaign per call; a stale agreement is
    // refused after the guard and the ownership check — the status proves both were passed.
    ok: 409,
    request: (f) => ({
      ...id(f.taskA),
      body: {
        agreementId: f.serviceA.dossierId,
        signerName: '陈静',
        signerTitle: '经理',
        dossierId: f.serviceA.dossierId,
      },
    }),
  },

  // ── staff: accounts ──────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/staff/me', access: staff() },
  { route: 'GET /api/v1/staff/members', access: staff('admin') },
  {
    route: 'POST /api/v1/staff/members',
    access: staff('admin'),
    ok: 201,
    request: (f) => ({
      body: { email: f.fresh.email(), name: 'New Sales', role: 'sales', password: 'Staff pass 123' },
    }),
  },
  {
    route: 'PATCH /api/v1/staff/members/:id/role',
    access: staff('admin'),
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.staffMember() : f.staffIds.sales),
      body: { role: 'reviewer' },
    }),
  },
  {
    route: 'POST /api/v1/staff/members/:id/deactivate',
    access: staff('admin'),
    request: async (f, succeeds) => id(succeeds ? await f.fresh.staffMember() : f.staffIds.sales),
  },

  // ── staff: documents and reviews ─────────────────────────────────────────────────────
  {
    route: 'GET /api/v1/staff/documents/:id',
    access: staff('reviewer', 'admin'),
    request: (f) => id(f.documentA),
  },
  {
    route: 'GET /api/v1/staff/documents/:id/content',
    access: staff('reviewer', 'admin'),
    request: (f) => id(f.documentA),
  },
  { route: 'GET /api/v1/staff/reviews', access: staff('reviewer', 'admin') },
  {
    route: 'GET /api/v1/staff/reviews/:submissionId',
    access: staff('reviewer', 'admin'),
    request: (f) => ({ params: { submissionId: f.submissionA } }),
  },
  {
    route: 'POST /api/v1/staff/reviews/:submissionId/approve',
    access: staff('reviewer', 'admin'),
    request: async (f, succeeds) => ({
      params: { submissionId: succeeds ? await f.fresh.submissionA() : f.submissionA },
      body: {},
    }),
  },
  {
    route: 'POST /api/v1/staff/reviews/:submissionId/reject',
    access: staff('reviewer', 'admin'),
    request: async (f, succeeds) => ({
      params: { submissionId: succeeds ? await f.fresh.submissionA() : f.submissionA },
      body: { reasons: [{ target: 'business_licence', code: 'SEAL_MISSING' }], note: 'no seal on page 1' },
    }),
  },

  // ── staff: lines and campaigns ───────────────────────────────────────────────────────
  { route: 'GET /api/v1/staff/services', access: staff() },
  { route: 'GET /api/v1/staff/services/:id', access: staff(), request: (f) => id(f.serviceA.id) },
  {
    route: 'POST /api/v1/staff/services/:id/flag',
    access: staff('reviewer', 'admin'),
    request: async (f, succeeds) => ({
      ...id(succeeds ? (await f.fresh.serviceA()).id : f.serviceA.id),
      body: { reason: 'MIIT notice 2026-11' },
    }),
  },
  {
    route: 'POST /api/v1/staff/services/:id/resume',
    access: staff('reviewer', 'admin'),
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.suspendedServiceA() : f.serviceA.id),
      body: { reason: 'cleared' },
    }),
  },
  {
    route: 'POST /api/v1/staff/services/:id/terminate',
    access: staff('reviewer', 'admin'),
    request: async (f, succeeds) => ({
      ...id(succeeds ? (await f.fresh.serviceA()).id : f.serviceA.id),
      body: { reason: 'customer asked' },
    }),
  },
  {
    route: 'POST /api/v1/staff/reverification-campaigns',
    access: staff('reviewer', 'admin'),
    ok: 201,
    request: (f) => ({
      body: {
        name: 'matrix',
        selection: { kind: 'services', serviceIds: [f.serviceA.id] },
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    }),
  },
  { route: 'GET /api/v1/staff/reverification-campaigns', access: staff() },
  {
    route: 'GET /api/v1/staff/reverification-campaigns/:id',
    access: staff(),
    request: (f) => id(f.campaign),
  },

  // ── staff: the pipeline (sales) ──────────────────────────────────────────────────────
  { route: 'GET /api/v1/staff/orders', access: staff() },
  { route: 'GET /api/v1/staff/orders/board', access: staff() },
  { route: 'GET /api/v1/staff/orders/:orderId', access: staff(), request: (f) => orderId(f.paidOrderA) },
  {
    route: 'GET /api/v1/staff/orders/:orderId/activity',
    access: staff(),
    request: (f) => orderId(f.paidOrderA),
  },
  {
    route: 'POST /api/v1/staff/orders/:orderId/assignee',
    access: staff('sales', 'admin'),
    // A new sales member each time, so each call really changes the assignee.
    request: async (f, succeeds) => ({
      ...orderId(f.paidOrderA),
      body: { assigneeId: succeeds ? await f.fresh.staffMember() : f.staffIds.sales, reason: 'matrix' },
    }),
  },
  {
    route: 'POST /api/v1/staff/orders/:orderId/notes',
    access: staff(),
    request: (f) => ({ ...orderId(f.paidOrderA), body: { body: 'Called the customer.' } }),
  },
  {
    route: 'GET /api/v1/staff/orders/:orderId/notes',
    access: staff(),
    request: (f) => orderId(f.paidOrderA),
  },

  // ── staff: order actions ─────────────────────────────────────────────────────────────
  {
    route: 'POST /api/v1/staff/orders/:id/bank-transfers',
    access: staff('sales', 'admin'),
    request: async (f, succeeds) => {
      const order = succeeds ? await f.fresh.signedOrderA() : { id: f.heldOrderA, totalFen: 1 };
      return {
        ...id(order.id),
        body: {
          amountFen: order.totalFen,
          payerName: '深圳示例贸易有限公司',
          reference: f.fresh.reference(),
          receivedOn: '2026-11-27',
        },
      };
    },
  },
  { route: 'GET /api/v1/staff/orders/:id/payments', access: staff(), request: (f) => id(f.paidOrderA) },
  {
    route: 'POST /api/v1/staff/orders/:id/refunds',
    access: staff('admin'),
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.paidOrderA() : f.paidOrderA),
      body: { amountFen: 100, reason: 'Goodwill' },
    }),
  },
  {
    // A real pending bank-transfer refund, so the success case's audit row is checked too.
    route: 'POST /api/v1/staff/refunds/:refundId/settle',
    access: staff('admin'),
    request: async (f, succeeds) => ({
      params: { refundId: succeeds ? await f.fresh.pendingRefundA() : f.paidOrderA },
      body: { reference: f.fresh.reference(), settledOn: '2026-11-27' },
    }),
  },
  {
    route: 'POST /api/v1/staff/orders/:id/cancel',
    access: staff('sales', 'admin'),
    request: async (f, succeeds) => ({
      ...id(succeeds ? await f.fresh.paidOrderA() : f.paidOrderA),
      body: { reason: 'Customer asked by phone' },
    }),
  },
  {
    route: 'POST /api/v1/staff/orders/:id/deadline-extension',
    access: staff('sales', 'admin'),
    request: (f) => ({ ...id(f.paidOrderA), body: { by: '1d', reason: 'Licence renewal in progress' } }),
  },
  { route: 'GET /api/v1/staff/orders/:id/notifications', access: staff(), request: (f) => id(f.paidOrderA) },
  {
    route: 'POST /api/v1/staff/orders/:id/notifications/:notificationId/resend',
    access: staff('sales', 'admin'),
    request: (f) => ({ params: { id: f.paidOrderA, notificationId: f.notificationA } }),
  },

  // ── staff: reports ───────────────────────────────────────────────────────────────────
  {
    route: 'GET /api/v1/staff/reports/funnel',
    access: staff('sales', 'admin'),
    request: () => ({ query: REPORT_PERIOD }),
  },
  {
    route: 'GET /api/v1/staff/reports/revenue',
    access: staff('sales', 'admin'),
    request: () => ({ query: REPORT_PERIOD }),
  },
  {
    route: 'GET /api/v1/staff/reports/reviewers',
    access: staff(),
    request: () => ({ query: REPORT_PERIOD }),
  },
  { route: 'GET /api/v1/staff/reports/compliance-outlook', access: staff() },

  // ── admin: operations ────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/admin/audit', access: staff('admin') },
  { route: 'POST /api/v1/admin/queues/session', access: staff('admin') },

  // ── admin: inventory ─────────────────────────────────────────────────────────────────
  {
    route: 'POST /api/v1/admin/inventory/imports',
    access: staff('admin'),
    ok: 202,
    request: (f) => ({ form: f.csv }),
  },
  { route: 'GET /api/v1/admin/inventory/imports', access: staff('admin') },
  // An import nobody started: the guard let the admin through to IMPORT_NOT_FOUND.
  {
    route: 'GET /api/v1/admin/inventory/imports/:id',
    access: staff('admin'),
    ok: 404,
    request: () => id('00000000-0000-4000-8000-000000000000'),
  },
  {
    route: 'PUT /api/v1/admin/numbers/:number/price',
    access: staff('admin'),
    request: (f) => ({
      params: { number: f.fresh.number() },
      body: { feeFen: 88_800, reason: 'Campaign price' },
    }),
  },
  {
    route: 'DELETE /api/v1/admin/numbers/:number/price',
    access: staff('admin'),
    request: async (f, succeeds) => ({
      params: { number: succeeds ? await f.fresh.pricedNumber() : f.lookupNumber },
      body: { reason: 'Campaign over' },
    }),
  },
  {
    route: 'POST /api/v1/admin/numbers/:number/retire',
    access: staff('admin'),
    request: (f, succeeds) => ({
      params: { number: succeeds ? f.fresh.number() : f.lookupNumber },
      body: { reason: 'Reserved for a partner' },
    }),
  },
  {
    route: 'POST /api/v1/admin/numbers/:number/unretire',
    access: staff('admin'),
    request: async (f, succeeds) => ({
      params: { number: succeeds ? await f.fresh.retiredNumber() : f.lookupNumber },
      body: { reason: 'Partner declined' },
    }),
  },
  {
    route: 'POST /api/v1/admin/numbers/:number/release-hold',
    access: staff('admin'),
    request: async (f, succeeds) => ({
      params: { number: succeeds ? await f.fresh.heldNumberA() : f.lookupNumber },
      body: { reason: 'Stuck hold' },
    }),
  },
  { route: 'GET /api/v1/admin/grading-rules', access: staff('admin') },
  {
    route: 'POST /api/v1/admin/grading-rules',
    access: staff('admin'),
    ok: 201,
    request: (f) => ({ body: { rules: f.gradingRules } }),
  },
  {
    route: 'POST /api/v1/admin/grading-rules/:version/activate',
    access: staff('admin'),
    ok: 202,
    request: async (f, succeeds) => ({
      params: { version: String(succeeds ? await f.fresh.gradingVersion() : 1) },
    }),
  },
  { route: 'GET /api/v1/admin/regrade-runs', access: staff('admin') },
  {
    route: 'GET /api/v1/admin/regrade-runs/:id',
    access: staff('admin'),
    ok: 404,
    request: () => id('00000000-0000-4000-8000-000000000000'),
  },

  // ── admin: catalog ───────────────────────────────────────────────────────────────────
  { route: 'GET /api/v1/admin/plans', access: staff('admin') },
  { route: 'GET /api/v1/admin/features', access: staff('admin') },
  { route: 'GET /api/v1/admin/agreements', access: staff('admin') },
  {
    route: 'POST /api/v1/admin/plans',
    access: staff('admin'),
    ok: 201,
    request: (f) => ({ body: f.fresh.planBody() }),
  },
  {
    route: 'POST /api/v1/admin/features',
    access: staff('admin'),
    ok: 201,
    request: (f) => ({ body: f.fresh.featureBody() }),
  },
  {
    route: 'POST /api/v1/admin/agreements',
    access: staff('admin'),
    ok: 201,
    request: (f) => {
      const current = f.agreements[0] ?? { kind: 'service', version: 1 };
      return {
        body: { kind: current.kind, title: 'Matrix terms', body: 'Terms.', basedOnVersion: current.version },
      };
    },
  },
  {
    route: 'POST /api/v1/admin/plans/:code/retire',
    access: staff('admin'),
    request: async (f, succeeds) => ({ params: { code: succeeds ? await f.fresh.planCode() : 'basic' } }),
  },
  {
    route: 'POST /api/v1/admin/features/:code/retire',
    access: staff('admin'),
    request: async (f, succeeds) => ({ params: { code: succeeds ? await f.fresh.featureCode() : 'basic' } }),
  },
];
