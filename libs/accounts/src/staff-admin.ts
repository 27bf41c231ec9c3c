import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { STAFF_ROLES, type StaffRole } from '@haoma/db';
import { recordAudit } from '@haoma/audit';
import { loadProfile, type AccountProfile } from './account-profile';
import type { ScryptParams } from './password-hash';
import { revokeAccountSessions } from './sessions';
import { createStaffMember } from './staff-members';

/** Refusals of staff administration that the account errors do not name. */
export class StaffAdminError extends Error {
  constructor(
    readonly code: 'STAFF_NOT_FOUND' | 'STAFF_LAST_ADMIN',
    message: string,
  ) {
    super(message);
    this.name = 'StaffAdminError';
  }
}

const audited = (profile: AccountProfile): Record<string, unknown> => ({
  email: profile.email,
  name: profile.name,
  role: profile.role,
  active: profile.active,
});

/**
 * A one-time password for an invited staff member: 18 random bytes, base64url (24
 * characters of letters, digits, `-` and `_`), which passes the password policy.
 */
export function oneTimePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    // The policy wants more than one kind of character; retry the rare draw that has not.
    if (/[a-zA-Z]/.test(candidate) && /[0-9_-]/.test(candidate)) return candidate;
  }
}

/**
 * Invites a staff member: creates the account with the password given, or a one-time
 * password returned once (and never stored in clear) for the admin to hand over. Audited.
 */
export async function inviteStaffMember(
  dataSource: DataSource,
  member: { email: string; name: string; role: StaffRole; password?: string | undefined },
  options: { scrypt?: ScryptParams; now?: Date } = {},
): Promise<{ profile: AccountProfile; oneTimePassword: string | null }> {
  const generated = member.password === undefined ? oneTimePassword() : null;
  const profile = await createStaffMember(
    dataSource,
    {
      email: member.email,
      name: member.name,
      role: member.role,
      password: member.password ?? generated ?? '',
    },
    options,
  );
  await recordAudit(dataSource.manager, {
    action: 'staff.invited',
    targetType: 'staff_member',
    targetId: profile.id,
    before: null,
    after: { ...audited(profile), oneTimePassword: generated !== null },
  });
  return { profile, oneTimePassword: generated };
}

// Locks the active admins (always in id order, so two admin changes cannot deadlock) and the target.
async function lockForAdminChange(
  manager: EntityManager,
  staffId: string,
): Promise<{ admins: string[]; target: AccountProfile }> {
  const admins: { id: string }[] = await manager.query(
    `SELECT id FROM staff_members WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
  );
  const rows: unknown[] = await manager.query(`SELECT id FROM staff_members WHERE id = $1 FOR UPDATE`, [
    staffId,
  ]);
  const target = rows.length ? await loadProfile(manager, { kind: 'staff', id: staffId }) : undefined;
  if (!target) throw new StaffAdminError('STAFF_NOT_FOUND', 'No such staff member.');
  return { admins: admins.map((admin) => admin.id), target };
}

const isLastAdmin = (admins: string[], target: AccountProfile): boolean =>
  target.active && target.role === 'admin' && admins.every((id) => id === target.id);

/**
 * Changes a staff member's role. Their sessions are revoked in the same transaction, so a
 * demotion bites at once rather than when the access token expires. The last active admin
 * cannot be demoted (STAFF_LAST_ADMIN). The same role is a no-op (nothing revoked, no audit).
 */
export async function changeStaffRole(
  dataSource: DataSource,
  staffId: string,
  role: StaffRole,
  options: { now?: Date } = {},
): Promise<AccountProfile> {
  if (!STAFF_ROLES.includes(role)) throw new Error(`unknown staff role ${role}`);
  const now = options.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { admins, target } = await lockForAdminChange(manager, staffId);
    if (target.role === role) return target;
    if (isLastAdmin(admins, target))
      throw new StaffAdminError('STAFF_LAST_ADMIN', 'The last active admin cannot be demoted.');
    await manager.query(`UPDATE staff_members SET role = $2, updated_at = $3 WHERE id = $1`, [
      staffId,
      role,
      now,
    ]);
    await manager.query(
      `UPDATE sessions SET revoked_at = $3, revoked_reason = 'role_changed'
        WHERE account_kind = $1 AND account_id = $2 AND revoked_at IS NULL`,
      ['staff', staffId, now],
    );
    const after = (await loadProfile(manager, { kind: 'staff', id: staffId })) as AccountProfile;
    await recordAudit(manager, {
      action: 'staff.role_changed',
      targetType: 'staff_member',
      targetId: staffId,
      before: audited(target),
      after: audited(after),
    });
    return after;
  });
}

/**
 * Deactivates a staff member with an audit row: no more logins, every session revoked in the
 * same transaction. The last active admin cannot be deactivated (STAFF_LAST_ADMIN). An
 * inactive member stays so, its leftover sessions closed.
 */
export async function deactivateStaffMemberAudited(
  dataSource: DataSource,
  staffId: string,
  options: { now?: Date } = {},
): Promise<AccountProfile> {
  const now = options.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { admins, target } = await lockForAdminChange(manager, staffId);
    if (isLastAdmin(admins, target))
      throw new StaffAdminError('STAFF_LAST_ADMIN', 'The last active admin cannot be deactivated.');
    if (target.active)
      await manager.query(`UPDATE staff_members SET active = false, updated_at = $2 WHERE id = $1`, [
        staffId,
        now,
      ]);
    const revoked = await revokeAccountSessions(
      manager,
      { kind: 'staff', id: staffId },
      'account_deactivated',
      now,
    );
    const after = (await loadProfile(manager, { kind: 'staff', id: staffId })) as AccountProfile;
    if (target.active || revoked > 0)
      await recordAudit(manager, {
        action: 'staff.deactivated',
        targetType: 'staff_member',
        targetId: staffId,
        before: audited(target),
        after: { ...audited(after), sessionsRevoked: revoked },
      });
    return after;
  });
}
