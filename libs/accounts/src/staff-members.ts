import type { DataSource, EntityManager } from 'typeorm';
import { STAFF_ROLES, type StaffRole } from '@haoma/db';
import { checkStaffMember } from '@haoma/domain';
import { AccountError, validationFailed } from './account-errors';
import {
  loadProfile,
  PROFILE_COLUMNS,
  toProfile,
  type AccountProfile,
  type ProfileRow,
} from './account-profile';
import { hashPassword, SCRYPT_PARAMS, type ScryptParams } from './password-hash';
import { revokeAccountSessions } from './sessions';

export interface NewStaffMember {
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly password: string;
}

/**
 * Creates a staff member (the CLI's `staff create`, an admin in the console, the tests):
 * email and name normalised, password checked against the policy and hashed. Refuses with
 * VALIDATION_FAILED (every field at fault) or EMAIL_TAKEN.
 */
export async function createStaffMember(
  dataSource: DataSource,
  member: NewStaffMember,
  options: { scrypt?: ScryptParams; now?: Date } = {},
): Promise<AccountProfile> {
  const checked = checkStaffMember(member);
  const roleError = STAFF_ROLES.includes(member.role)
    ? []
    : [
        {
          field: 'role',
          code: 'INVALID_ROLE' as const,
          message: `role is one of ${STAFF_ROLES.join(', ')}.`,
        },
      ];
  if (!checked.ok || roleError.length > 0)
    throw validationFailed([...(checked.ok ? [] : checked.errors), ...roleError]);
  const { email, name, password } = checked.value;
  const passwordHash = await hashPassword(password, options.scrypt ?? SCRYPT_PARAMS);
  const now = options.now ?? new Date();
  // ON CONFLICT, not a caught unique violation: failed statements are logged with their
  // parameters, and one of them is the password hash.
  const rows: ProfileRow[] = await dataSource.query(
    `INSERT INTO staff_members (email, name, role, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING ${PROFILE_COLUMNS.staff}`,
    [email, name, member.role, passwordHash, now],
  );
  if (!rows[0]) throw new AccountError('EMAIL_TAKEN', `A staff member with email ${email} exists already.`);
  return toProfile('staff', rows[0]);
}

/**
 * Deactivates a staff member: it can no longer log in, and every session it has is revoked
 * in the same transaction, so its access tokens stop working on their next request. The
 * last active admin cannot be deactivated (nobody could manage staff any more); admin rows
 * are locked first so two admins deactivating each other cannot both succeed.
 */
export async function deactivateStaffMember(
  dataSource: DataSource,
  staffId: string,
  options: { now?: Date } = {},
): Promise<AccountProfile> {
  const now = options.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const admins: { id: string }[] = await manager.query(
      `SELECT id FROM staff_members WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    const rows: { role: StaffRole; active: boolean }[] = await manager.query(
      `SELECT role, active FROM staff_members WHERE id = $1 FOR UPDATE`,
      [staffId],
    );
    const target = rows[0];
    if (!target) throw new AccountError('NOT_FOUND', 'No such staff member.');
    if (target.active) {
      if (target.role === 'admin' && admins.every((admin) => admin.id === staffId))
        throw new AccountError('CONFLICT', 'The last active admin cannot be deactivated.');
      await manager.query(`UPDATE staff_members SET active = false, updated_at = $2 WHERE id = $1`, [
        staffId,
        now,
      ]);
    }
    // Also on an inactive member: sessions left from before are closed whatever happened.
    await revokeAccountSessions(manager, { kind: 'staff', id: staffId }, 'account_deactivated', now);
    const profile = await loadProfile(manager, { kind: 'staff', id: staffId });
    if (!profile) throw new AccountError('NOT_FOUND', 'No such staff member.');
    return profile;
  });
}

/** A staff member by (normalised) email, or undefined. */
export async function findStaffMemberByEmail(
  manager: EntityManager,
  email: string,
): Promise<AccountProfile | undefined> {
  const rows: ProfileRow[] = await manager.query(
    `SELECT ${PROFILE_COLUMNS.staff} FROM staff_members WHERE email = $1`,
    [email],
  );
  return rows[0] && toProfile('staff', rows[0]);
}

/** Where a page of staff members starts: after this (created_at, id). */
export interface StaffPagePosition {
  /** created_at in PostgreSQL's text form, microseconds included, so it round-trips exactly. */
  readonly createdAt: string;
  readonly id: string;
}

/**
 * One page of staff members, oldest first, keyset-paginated on (created_at, id); `next` is
 * where the following page starts, or null on the last page.
 */
export async function listStaffMembers(
  manager: EntityManager,
  page: { limit: number; after?: StaffPagePosition | undefined },
): Promise<{ members: AccountProfile[]; next: StaffPagePosition | null }> {
  const rows: (ProfileRow & { position: string })[] = await manager.query(
    `SELECT ${PROFILE_COLUMNS.staff}, created_at::text AS position FROM staff_members
      WHERE $1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid)
      ORDER BY created_at, id LIMIT $3`,
    [page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
  );
  const members = rows.slice(0, page.limit);
  const last = members[members.length - 1];
  return {
    members: members.map((row) => toProfile('staff', row)),
    next: rows.length > page.limit && last ? { createdAt: last.position, id: last.id } : null,
  };
}
