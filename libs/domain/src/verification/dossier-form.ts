import { checkMobile } from '../accounts/mobile';
import { normaliseDestinationNumber } from './destination-number';
import type { DossierFieldError, DossierFieldErrorCode } from './dossier-field-errors';
import { addDuration, isIsoDate } from './iso-date';
import { normaliseCode } from './normalise-code';
import { checkResidentId } from './resident-id';
import { checkUscc } from './uscc';

/** A person named on the dossier by their resident ID. `idExpiresOn` null: long-term (长期). */
export interface DossierPerson {
  name: string;
  idNumber: string;
  idExpiresOn: string | null;
}

/** A number the 400 line forwards to; its owner must be registered under a real name too. */
export interface DossierDestination {
  number: string;
  ownerName: string;
  /** The owner's resident ID, or the company's USCC when the company owns the line. */
  ownerIdNumber: string;
}

/** Everything a customer fills in for a company's real-name dossier, normalised. */
export interface DossierForm {
  company: { name: string; uscc: string; licenceExpiresOn: string | null };
  legalRepresentative: DossierPerson;
  /** 经办人: someone other than the legal representative applying (with an authorisation letter). */
  handler: (DossierPerson & { mobile: string }) | null;
  destinations: DossierDestination[];
  industry:
    { regulated: false } | { regulated: true; licenceNumber: string; licenceExpiresOn: string | null };
  /** The number-use undertaking (号码使用承诺书) is signed by the legal representative. */
  undertakingSigned: true;
  /** The name on the undertaking's signature, compared with the legal representative's. */
  undertakingSignerName: string;
}

export interface DossierFormSettings {
  /** An ID must stay valid at least this long from today (ID_MIN_VALIDITY). */
  idMinValidityMs: number;
}

export type DossierFormResult = { form: DossierForm } | { errors: DossierFieldError[] };

export const MAX_DESTINATIONS = 10;
const NAME_MAX = 100;
const COMPANY_NAME_MAX = 200;
const LICENCE_NUMBER_MAX = 100;
// Control characters have no place in names kept on legal records.
const CONTROL = /\p{Cc}/u;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a dossier form as the client sent it (JSON of unknown shape) and returns it
 * normalised, or every field at fault. Hard errors only: a malformed field, a resident ID
 * failing its check digit or birth date, an ID or licence already expired (before `today`,
 * `YYYY-MM-DD`), an ID valid for less than `idMinValidityMs`. A USCC that only fails its check
 * character is accepted (pilot-era codes do): the pre-check flags it for manual review.
 */
export function parseDossierForm(
  input: unknown,
  today: string,
  settings: DossierFormSettings,
): DossierFormResult {
  const errors: DossierFieldError[] = [];
  const fail = (field: string, code: DossierFieldErrorCode, message: string): undefined => {
    errors.push({ field, code, message });
    return undefined;
  };
  const minIdExpiry = addDuration(today, settings.idMinValidityMs);

  const object = (value: unknown, field: string): Json | undefined =>
    isObject(value)
      ? value
      : fail(field, value === undefined ? 'REQUIRED' : 'INVALID_TYPE', `${field} must be an object.`);

  const text = (value: unknown, field: string, max: number): string | undefined => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      return fail(field, 'REQUIRED', `Enter ${field}.`);
    if (typeof value !== 'string') return fail(field, 'INVALID_TYPE', `${field} must be text.`);
    const trimmed = value.normalize('NFKC').trim();
    if (CONTROL.test(trimmed)) return fail(field, 'INVALID_TEXT', `${field} contains control characters.`);
    if (trimmed.length > max) return fail(field, 'TOO_LONG', `${field} is longer than ${max} characters.`);
    return trimmed;
  };

  /** A validity end date: `YYYY-MM-DD`, or null for long-term; `minimum` the first date allowed. */
  const expiry = (
    value: unknown,
    field: string,
    minimum: string,
    what: string,
  ): string | null | undefined => {
    if (value === null) return null;
    if (typeof value !== 'string' || !isIsoDate(value))
      return fail(
        field,
        value === undefined ? 'REQUIRED' : 'INVALID_DATE',
        `${field} must be a date (YYYY-MM-DD) or null for long-term.`,
      );
    if (value < today) return fail(field, 'EXPIRED', `The ${what} expired on ${value}.`);
    if (value < minimum)
      return fail(
        field,
        'EXPIRES_TOO_SOON',
        `The ${what} expires on ${value}; it must be valid until at least ${minimum}.`,
      );
    return value;
  };

  const idNumber = (value: unknown, field: string): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '')
      return fail(
        field,
        value === undefined || value === '' ? 'REQUIRED' : 'INVALID_TYPE',
        `Enter ${field}.`,
      );
    const check = checkResidentId(value, today);
    if (check.ok) return check.idNumber;
    if (check.reason === 'ID_CHECK')
      return fail(
        field,
        'ID_CHECK_FAILED',
        'This resident ID number has a wrong check digit: please check it.',
      );
    if (check.reason === 'ID_BIRTH_DATE')
      return fail(
        field,
        'ID_BIRTH_DATE_INVALID',
        'The birth date in this resident ID number is not a real past date.',
      );
    return fail(field, 'INVALID_ID_NUMBER', 'A resident ID number is 17 digits and a digit or X.');
  };

  const person = (value: unknown, field: string): DossierPerson | undefined => {
    const p = object(value, field);
    if (!p) return undefined;
    const name = text(p['name'], `${field}.name`, NAME_MAX);
    const id = idNumber(p['idNumber'], `${field}.idNumber`);
    const expires = expiry(p['idExpiresOn'], `${field}.idExpiresOn`, minIdExpiry, 'ID card');
    return name !== undefined && id !== undefined && expires !== undefined
      ? { name, idNumber: id, idExpiresOn: expires }
      : undefined;
  };

  if (!isObject(input))
    return { errors: [{ field: 'form', code: 'INVALID_TYPE', message: 'The form must be an object.' }] };

  // Company.
  const companyIn = object(input['company'], 'company');
  let company: DossierForm['company'] | undefined;
  if (companyIn) {
    const name = text(companyIn['name'], 'company.name', COMPANY_NAME_MAX);
    let uscc: string | undefined;
    if (typeof companyIn['uscc'] !== 'string' || companyIn['uscc'].trim() === '')
      fail('company.uscc', 'REQUIRED', 'Enter the unified social credit code (统一社会信用代码).');
    else {
      const check = checkUscc(companyIn['uscc']);
      if (check.ok || check.reason === 'USCC_CHECK') uscc = check.uscc;
      else
        fail(
          'company.uscc',
          'INVALID_USCC',
          'A unified social credit code is 18 characters (digits and capitals, no I O S V Z) with an area code in positions 3–8.',
        );
    }
    const licence = expiry(
      companyIn['licenceExpiresOn'],
      'company.licenceExpiresOn',
      today,
      'business licence',
    );
    if (name !== undefined && uscc !== undefined && licence !== undefined)
      company = { name, uscc, licenceExpiresOn: licence };
  }

  const legalRepresentative = person(input['legalRepresentative'], 'legalRepresentative');

  // Handler: null when the legal representative applies in person.
  let handler: DossierForm['handler'] | undefined = null;
  if (input['handler'] !== null && input['handler'] !== undefined) {
    const base = person(input['handler'], 'handler');
    const raw = isObject(input['handler']) ? input['handler']['mobile'] : undefined;
    const mobile = typeof raw === 'string' ? checkMobile(raw) : undefined;
    if (!mobile || !mobile.ok)
      fail(
        'handler.mobile',
        raw === undefined || raw === '' ? 'REQUIRED' : 'INVALID_MOBILE',
        'Enter the handler’s mainland mobile number (11 digits starting with 13–19).',
      );
    handler = base && mobile?.ok ? { ...base, mobile: mobile.mobile } : undefined;
  }

  // Destinations: 1..10 distinct numbers, each with its registered owner.
  const destinations: DossierDestination[] = [];
  const destinationsIn = input['destinations'];
  if (!Array.isArray(destinationsIn))
    fail('destinations', 'REQUIRED', 'List the numbers the 400 number forwards to.');
  else if (destinationsIn.length < 1)
    fail('destinations', 'TOO_FEW', 'List at least one destination number.');
  else if (destinationsIn.length > MAX_DESTINATIONS)
    fail('destinations', 'TOO_MANY', `List at most ${MAX_DESTINATIONS} destination numbers.`);
  else
    destinationsIn.forEach((entry: unknown, i) => {
      const field = `destinations[${i}]`;
      const d = object(entry, field);
      if (!d) return;
      const number = typeof d['number'] === 'string' ? normaliseDestinationNumber(d['number']) : undefined;
      if (!number)
        fail(
          `${field}.number`,
          'INVALID_PHONE',
          'A destination is a mainland mobile number or a landline with its area code.',
        );
      else if (destinations.some((x) => x.number === number))
        fail(`${field}.number`, 'DUPLICATE', `${number} is listed twice.`);
      const ownerName = text(d['ownerName'], `${field}.ownerName`, COMPANY_NAME_MAX);
      const ownerIdNumber = ownerId(d['ownerIdNumber'], `${field}.ownerIdNumber`, company?.uscc);
      if (number && ownerName !== undefined && ownerIdNumber !== undefined)
        destinations.push({ number, ownerName, ownerIdNumber });
    });

  function ownerId(value: unknown, field: string, uscc: string | undefined): string | undefined {
    // The company itself may own the line (its landline): the owner is then named by the USCC.
    if (typeof value === 'string' && uscc !== undefined && normaliseCode(value) === uscc) return uscc;
    return idNumber(value, field);
  }

  // Industry licence for regulated trades (education, medical…).
  const industryIn = object(input['industry'], 'industry');
  let industry: DossierForm['industry'] | undefined;
  if (industryIn) {
    if (typeof industryIn['regulated'] !== 'boolean')
      fail(
        'industry.regulated',
        'REQUIRED',
        'Say whether the trade is regulated (needs an industry licence).',
      );
    else if (!industryIn['regulated']) industry = { regulated: false };
    else {
      const licenceNumber = text(industryIn['licenceNumber'], 'industry.licenceNumber', LICENCE_NUMBER_MAX);
      const expires = expiry(
        industryIn['licenceExpiresOn'],
        'industry.licenceExpiresOn',
        today,
        'industry licence',
      );
      if (licenceNumber !== undefined && expires !== undefined)
        industry = { regulated: true, licenceNumber, licenceExpiresOn: expires };
    }
  }

  if (input['undertakingSigned'] !== true)
    fail(
      'undertakingSigned',
      'MUST_BE_SIGNED',
      'The legal representative must sign the number-use undertaking.',
    );
  const undertakingSignerName = text(input['undertakingSignerName'], 'undertakingSignerName', NAME_MAX);

  if (
    errors.length ||
    !company ||
    !legalRepresentative ||
    handler === undefined ||
    !industry ||
    undertakingSignerName === undefined
  )
    return { errors };
  return {
    form: {
      company,
      legalRepresentative,
      handler,
      destinations,
      industry,
      undertakingSigned: true,
      undertakingSignerName,
    },
  };
}
