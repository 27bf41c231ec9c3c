import { missingDocumentKinds } from './document-requirements';
import type { DossierForm } from './dossier-form';
import { addDuration } from './iso-date';
import { checkResidentId } from './resident-id';
import { checkUscc } from './uscc';
import type { DocumentKind, FindingSeverity } from './verification-states';

/** What the automatic pre-check can find, each with a fixed severity (see precheckDossier). */
export const PRECHECK_FINDING_CODES = [
  'USCC_INVALID',
  'USCC_CHECK_FAILED',
  'ID_INVALID',
  'ID_EXPIRED',
  'ID_EXPIRES_SOON',
  'LICENCE_EXPIRED',
  'INDUSTRY_LICENCE_EXPIRED',
  'LEGAL_REP_NAME_MISMATCH',
  'BORROWED_USCC',
  'BORROWED_LEGAL_REP_ID',
  'HANDLER_MANY_COMPANIES',
  'MULTI_NUMBER_PROOF_REQUIRED',
  'DOCUMENTS_MISSING',
] as const;
export type PrecheckFindingCode = (typeof PRECHECK_FINDING_CODES)[number];

export interface Finding {
  code: PrecheckFindingCode;
  severity: FindingSeverity;
  /** The form field or document slot it concerns: `company.uscc`, `documents.multi_number_proof`. */
  field: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Another customer account, named for the reviewer (never shown to the customer). */
export interface OtherAccount {
  customerId: string;
  email: string;
}

/** What the pre-check needs from the database, gathered by the caller. */
export interface PrecheckFacts {
  /** Other accounts with a dossier carrying the same USCC. */
  accountsWithSameUscc: readonly OtherAccount[];
  /** Other accounts with a dossier carrying the same legal representative's ID. */
  accountsWithSameLegalRepId: readonly OtherAccount[];
  /** Distinct companies (USCCs) the handler's ID appears on in any account, this one included, and the accounts. */
  handlerCompanies: { count: number; accounts: readonly OtherAccount[] } | null;
  /** Numbers the company (by USCC) holds or has on order in any account, this order excluded. */
  companyNumbers: number;
}

export interface PrecheckSettings {
  idMinValidityMs: number;
  maxNumbersPerCompany: number;
}

export interface PrecheckInput {
  form: DossierForm;
  documentKinds: readonly DocumentKind[];
  /** `YYYY-MM-DD`. */
  today: string;
  settings: PrecheckSettings;
  facts: PrecheckFacts;
}

/** One handler applying for this many unrelated companies looks like a credential broker. */
export const HANDLER_MANY_COMPANIES_THRESHOLD = 3;

const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 3, warning: 2, info: 1 };

/** The highest severity among `findings`, null when there are none. */
export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): FindingSeverity | null {
  let worst: FindingSeverity | null = null;
  for (const f of findings)
    if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Whether this order would take the company past MAX_NUMBERS_PER_COMPANY. */
export function multiNumberProofRequired(companyNumbers: number, maxNumbersPerCompany: number): boolean {
  return companyNumbers + 1 > maxNumbersPerCompany;
}

/**
 * Names compared as people write them: full-width forms, spaces and the middle dots of
 * transliterated names (`阿不都·热合曼`) do not make two names different.
 */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s·•・.]/g, '')
      .toLowerCase();
  return norm(a) === norm(b);
}

/**
 * The automatic pre-check of one dossier version submitted for one order. Pure: the facts
 * about other accounts and the company's numbers come in `input.facts`. Errors must be fixed
 * by the customer (they see them); warnings are for the reviewer's eyes only (a failed USCC
 * check character, borrowed credentials, a busy handler, names that disagree).
 */
export function precheckDossier(input: PrecheckInput): Finding[] {
  const { form, today, settings, facts } = input;
  const findings: Finding[] = [];
  const add = (
    code: PrecheckFindingCode,
    severity: FindingSeverity,
    field: string,
    message: string,
    details?: Record<string, unknown>,
  ) => findings.push({ code, severity, field, message, ...(details ? { details } : {}) });
  const minIdExpiry = addDuration(today, settings.idMinValidityMs);

  const uscc = checkUscc(form.company.uscc);
  if (!uscc.ok && uscc.reason === 'USCC_CHECK')
    add(
      'USCC_CHECK_FAILED',
      'warning',
      'company.uscc',
      'The USCC fails its check character (some pilot-era codes do): verify it against the business licence.',
    );
  else if (!uscc.ok)
    add('USCC_INVALID', 'error', 'company.uscc', 'The unified social credit code is malformed.');

  const people: [string, { idNumber: string; idExpiresOn: string | null } | null][] = [
    ['legalRepresentative', form.legalRepresentative],
    ['handler', form.handler],
  ];
  for (const [field, person] of people) {
    if (!person) continue;
    if (!checkResidentId(person.idNumber, today).ok)
      add('ID_INVALID', 'error', `${field}.idNumber`, 'The resident ID number is not valid.');
    if (person.idExpiresOn !== null && person.idExpiresOn < today)
      add(
        'ID_EXPIRED',
        'error',
        `${field}.idExpiresOn`,
        `The ID card expired on ${person.idExpiresOn}: provide a valid one.`,
      );
    else if (person.idExpiresOn !== null && person.idExpiresOn < minIdExpiry)
      add(
        'ID_EXPIRES_SOON',
        'error',
        `${field}.idExpiresOn`,
        `The ID card expires on ${person.idExpiresOn}; it must be valid until at least ${minIdExpiry}: renew it first.`,
      );
  }
  form.destinations.forEach((d, i) => {
    if (d.ownerIdNumber !== form.company.uscc && !checkResidentId(d.ownerIdNumber, today).ok)
      add(
        'ID_INVALID',
        'error',
        `destinations[${i}].ownerIdNumber`,
        'The owner’s resident ID number is not valid.',
      );
  });

  if (form.company.licenceExpiresOn !== null && form.company.licenceExpiresOn < today)
    add(
      'LICENCE_EXPIRED',
      'error',
      'company.licenceExpiresOn',
      `The business licence expired on ${form.company.licenceExpiresOn}.`,
    );
  if (
    form.industry.regulated &&
    form.industry.licenceExpiresOn !== null &&
    form.industry.licenceExpiresOn < today
  )
    add(
      'INDUSTRY_LICENCE_EXPIRED',
      'error',
      'industry.licenceExpiresOn',
      `The industry licence expired on ${form.industry.licenceExpiresOn}.`,
    );

  const legalRep = form.legalRepresentative;
  const mismatch = (field: string, name: string) =>
    add(
      'LEGAL_REP_NAME_MISMATCH',
      'warning',
      field,
      `"${name}" differs from the legal representative's name "${legalRep.name}".`,
      { expected: legalRep.name, found: name },
    );
  if (!sameName(form.undertakingSignerName, legalRep.name))
    mismatch('undertakingSignerName', form.undertakingSignerName);
  if (
    form.handler &&
    form.handler.idNumber === legalRep.idNumber &&
    !sameName(form.handler.name, legalRep.name)
  )
    mismatch('handler.name', form.handler.name);
  form.destinations.forEach((d, i) => {
    if (d.ownerIdNumber === legalRep.idNumber && !sameName(d.ownerName, legalRep.name))
      mismatch(`destinations[${i}].ownerName`, d.ownerName);
  });

  if (facts.accountsWithSameUscc.length)
    add(
      'BORROWED_USCC',
      'warning',
      'company.uscc',
      `${facts.accountsWithSameUscc.length} other account(s) use the same USCC.`,
      { accounts: facts.accountsWithSameUscc },
    );
  if (facts.accountsWithSameLegalRepId.length)
    add(
      'BORROWED_LEGAL_REP_ID',
      'warning',
      'legalRepresentative.idNumber',
      `${facts.accountsWithSameLegalRepId.length} other account(s) use the same legal representative's ID.`,
      { accounts: facts.accountsWithSameLegalRepId },
    );
  if (
    form.handler &&
    facts.handlerCompanies &&
    facts.handlerCompanies.count >= HANDLER_MANY_COMPANIES_THRESHOLD
  )
    add(
      'HANDLER_MANY_COMPANIES',
      'warning',
      'handler.idNumber',
      `The handler applies for ${facts.handlerCompanies.count} different companies.`,
      { companies: facts.handlerCompanies.count, accounts: facts.handlerCompanies.accounts },
    );

  const proofRequired = multiNumberProofRequired(facts.companyNumbers, settings.maxNumbersPerCompany);
  if (proofRequired) {
    const attached = input.documentKinds.includes('multi_number_proof');
    add(
      'MULTI_NUMBER_PROOF_REQUIRED',
      attached ? 'info' : 'error',
      'documents.multi_number_proof',
      attached
        ? `The company already has ${facts.companyNumbers} number(s); a multi-number proof is attached.`
        : `The company already has ${facts.companyNumbers} number(s) (at most ${settings.maxNumbersPerCompany} without proof): attach a multi-number proof (多号证明).`,
      { companyNumbers: facts.companyNumbers, max: settings.maxNumbersPerCompany },
    );
  }
  // The multi-number proof has its own finding above.
  const missing = missingDocumentKinds(form, input.documentKinds, { multiNumberProofRequired: false });
  if (missing.length)
    add('DOCUMENTS_MISSING', 'error', 'documents', `Documents missing: ${missing.join(', ')}.`, {
      kinds: missing,
    });
  return findings;
}

/** The findings a customer sees: the errors they must fix, without reviewer-only details. */
export function customerVisibleFindings(findings: readonly Finding[]): Omit<Finding, 'details'>[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map(({ code, severity, field, message }) => ({ code, severity, field, message }));
}
