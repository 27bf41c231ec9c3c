import type { EntityManager } from 'typeorm';
import type { AccountKind, StaffRole } from '@haoma/db';
import type { AccountRef } from './sessions';

/** An account as clients see it: the same shape for customers and staff. */
export interface AccountProfile {
  readonly kind: AccountKind;
  readonly id: string;
  readonly email: string;
  /** The customer's contact name, or the staff member's name. */
  readonly name: string;
  /** Customers only. */
  readonly companyName: string | null;
  /** Customers only: 11 digits. */
  readonly mobile: string | null;
  /** Staff only. */
  readonly role: StaffRole | null;
  /** Always true for customers; false for deactivated staff. */
  readonly active: boolean;
  readonly createdAt: Date;
}

/** The table of each kind of account. */
export const ACCOUNT_TABLES = { customer: 'customers', staff: 'staff_members' } as const satisfies Record<
  AccountKind,
  string
>;

// One SELECT list per table, giving both the same columns.
export const PROFILE_COLUMNS = {
  customer: `id, email, contact_name AS name, company_name, mobile, NULL AS role, true AS active, created_at`,
  staff: `id, email, name, NULL AS company_name, NULL AS mobile, role, active, created_at`,
} as const satisfies Record<AccountKind, string>;

export interface ProfileRow {
  id: string;
  email: string;
  name: string;
  company_name: string | null;
  mobile: string | null;
  role: StaffRole | null;
  active: boolean;
  created_at: Date;
}

export function toProfile(kind: AccountKind, row: ProfileRow): AccountProfile {
  return {
    kind,
    id: row.id,
    email: row.email,
    name: row.name,
    companyName: row.company_name,
    mobile: row.mobile,
    role: row.role,
    active: row.active,
    createdAt: row.created_at,
  };
}

/** The account `ref` names, or undefined when there is none. */
export async function loadProfile(
  manager: EntityManager,
  ref: AccountRef,
): Promise<AccountProfile | undefined> {
  const rows: ProfileRow[] = await manager.query(
    `SELECT ${PROFILE_COLUMNS[ref.kind]} FROM ${ACCOUNT_TABLES[ref.kind]} WHERE id = $1`,
    [ref.id],
  );
  return rows[0] && toProfile(ref.kind, rows[0]);
}
