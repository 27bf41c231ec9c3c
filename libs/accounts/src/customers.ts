import type { DataSource } from 'typeorm';
import { checkRegistration, type RegistrationInput } from '@haoma/domain';
import { AccountError, validationFailed } from './account-errors';
import { PROFILE_COLUMNS, toProfile, type AccountProfile, type ProfileRow } from './account-profile';
import { hashPassword, SCRYPT_PARAMS, type ScryptParams } from './password-hash';
import { openSession, type ClientInfo, type OpenedSession } from './sessions';

export interface RegistrationOptions {
  readonly client?: ClientInfo;
  readonly now?: Date;
  readonly sessionTtlMs: number;
  readonly scrypt?: ScryptParams;
}

/**
 * Registers a business customer and logs it in: validates and normalises the form (every
 * field at fault reported at once), hashes the password, and in one transaction inserts the
 * customer and opens its first session. An email registered before, in any letter case,
 * is EMAIL_TAKEN.
 */
export async function registerCustomer(
  dataSource: DataSource,
  input: RegistrationInput,
  options: RegistrationOptions,
): Promise<{ profile: AccountProfile; opened: OpenedSession }> {
  const checked = checkRegistration(input);
  if (!checked.ok) throw validationFailed(checked.errors);
  const form = checked.value;
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(form.password, options.scrypt ?? SCRYPT_PARAMS);
  // ON CONFLICT rather than catching the unique violation: a failed statement would be
  // logged with its parameters, the password hash among them.
  const registered = await dataSource.transaction(async (manager) => {
    const rows: ProfileRow[] = await manager.query(
      `INSERT INTO customers (company_name, contact_name, email, mobile, password_hash, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (email) DO NOTHING
       RETURNING ${PROFILE_COLUMNS.customer}`,
      [form.companyName, form.contactName, form.email, form.mobile, passwordHash, now],
    );
    if (!rows[0]) return undefined;
    const profile = toProfile('customer', rows[0]);
    const opened = await openSession(
      manager,
      { kind: 'customer', id: profile.id },
      options.client ?? {},
      now,
      options.sessionTtlMs,
    );
    return { profile, opened };
  });
  if (!registered)
    throw new AccountError(
      'EMAIL_TAKEN',
      'An account with this email address exists already: log in instead.',
    );
  return registered;
}
