import type { AccountFieldError } from './account-field-errors';
import { checkEmail, normaliseEmail } from './email';
import { checkMobile } from './mobile';
import { checkPassword } from './password-policy';

export const COMPANY_NAME_MAX_LENGTH = 200;
export const PERSON_NAME_MAX_LENGTH = 100;

// Control characters (newlines, NUL…) have no place in a name and break e-mail headers.
const CONTROL = /\p{Cc}/u;

/** A name trimmed, with runs of white space (full-width spaces included) made one space. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/** Why a normalised name is refused (empty, too long, control characters), or undefined. */
export function checkName(field: string, name: string, maxLength: number): AccountFieldError | undefined {
  if (name === '') return { field, code: 'REQUIRED', message: `Enter ${field}.` };
  if ([...name].length > maxLength)
    return { field, code: 'TOO_LONG', message: `${field} has at most ${maxLength} characters.` };
  if (CONTROL.test(name))
    return { field, code: 'INVALID_TEXT', message: `${field} contains control characters.` };
  return undefined;
}

export interface RegistrationInput {
  readonly companyName: string;
  readonly contactName: string;
  readonly email: string;
  readonly mobile: string;
  readonly password: string;
}

/** A registration ready to store: names and email normalised, mobile as its 11 digits. */
export type Registration = RegistrationInput;

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly AccountFieldError[] };

/** Every problem of a registration form at once (one per field), or the normalised form. */
export function checkRegistration(input: RegistrationInput): Checked<Registration> {
  const companyName = normaliseName(input.companyName);
  const contactName = normaliseName(input.contactName);
  const email = normaliseEmail(input.email);
  const mobile = checkMobile(input.mobile);
  const errors = [
    checkName('companyName', companyName, COMPANY_NAME_MAX_LENGTH),
    checkName('contactName', contactName, PERSON_NAME_MAX_LENGTH),
    checkEmail(email),
    mobile.ok ? undefined : mobile.error,
    checkPassword(input.password),
  ].filter((error): error is AccountFieldError => error !== undefined);
  if (errors.length > 0 || !mobile.ok) return { ok: false, errors };
  return {
    ok: true,
    value: { companyName, contactName, email, mobile: mobile.mobile, password: input.password },
  };
}

export interface StaffMemberInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** The fields of a new staff member (the role is checked where the roles are defined). */
export function checkStaffMember(input: StaffMemberInput): Checked<StaffMemberInput> {
  const email = normaliseEmail(input.email);
  const name = normaliseName(input.name);
  const errors = [
    checkEmail(email),
    checkName('name', name, PERSON_NAME_MAX_LENGTH),
    checkPassword(input.password),
  ].filter((error): error is AccountFieldError => error !== undefined);
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: { email, name, password: input.password } };
}
