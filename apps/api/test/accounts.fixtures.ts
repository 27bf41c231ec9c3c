import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createStaffMember, SCRYPT_TEST_PARAMS } from '@haoma/accounts';
import type { StaffRole } from '@haoma/db';

/** Registration fields a test may override. */
export interface CustomerOverrides {
  companyName?: string;
  contactName?: string;
  email?: string;
  mobile?: string;
  password?: string;
}

export interface RegisteredCustomer {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  headers: { authorization: string };
}

// Unique per call and per test process, so suites sharing a database never collide.
const unique = (): string => `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

const bearer = (accessToken: string): { authorization: string } => ({
  authorization: `Bearer ${accessToken}`,
});

async function postJson<T>(url: string, body: unknown, expected: number): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`POST ${url} answered ${response.status}, expected ${expected}: ${text}`);
  return JSON.parse(text) as T;
}

interface SessionBody {
  account: { id: string; email: string };
  accessToken: string;
  refreshToken: string;
}

/** Registers a business customer through the API (a fresh email each call) and returns its tokens. */
export async function registerCustomer(
  url: string,
  overrides: CustomerOverrides = {},
): Promise<RegisteredCustomer> {
  const form = {
    companyName: 'Test Trading Co., Ltd.',
    contactName: 'Test Contact',
    email: `customer-${unique()}@example.com`,
    mobile: '13800138000',
    password: 'correct horse 1',
    ...overrides,
  };
  const body = await postJson<SessionBody>(`${url}/api/v1/auth/register`, form, 201);
  return {
    id: body.account.id,
    email: body.account.email,
    password: form.password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    headers: bearer(body.accessToken),
  };
}

/** Creates a staff member straight in the database (cheap test hash); log in with loginStaff. */
export async function createStaff(
  dataSource: DataSource,
  role: StaffRole,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<{ id: string; email: string; password: string }> {
  const password = overrides.password ?? 'Staff pass 123';
  const member = await createStaffMember(
    dataSource,
    {
      email: overrides.email ?? `staff-${unique()}@haoma.test`,
      name: overrides.name ?? `Test ${role}`,
      role,
      password,
    },
    { scrypt: SCRYPT_TEST_PARAMS },
  );
  return { id: member.id, email: member.email, password };
}

/** Logs a staff member in through the API. */
export async function loginStaff(
  url: string,
  email: string,
  password: string,
): Promise<{ accessToken: string; headers: { authorization: string } }> {
  const body = await postJson<SessionBody>(`${url}/api/v1/staff/auth/login`, { email, password }, 200);
  return { accessToken: body.accessToken, headers: bearer(body.accessToken) };
}
