/**
 * The dates of the compliance lifecycle, as pure arithmetic over configured windows
 * (SUSPENSION_TERMINATE_AFTER, QUARANTINE_PERIOD, IDENTITY_RETENTION, COMPLIANCE_REMINDERS,
 * DOCUMENT_REMINDERS): when a suspended line is terminated, when its number returns to sale,
 * when identity records are purged, when a dossier's credentials expire, which reminder is due.
 */
import type { SuspensionReason } from '../verification/verification-states';

/** The configured windows, in milliseconds. */
export interface ComplianceWindows {
  terminateAfterMs: number;
  quarantineMs: number;
  retentionMs: number;
  /** Reminders before each compliance step, as durations before it. */
  reminderOffsetsMs: readonly number[];
  /** Reminders before an order's document deadline. */
  documentReminderOffsetsMs: readonly number[];
}

/** The windows from the app's configuration (the names of libs/config). */
export function complianceWindowsFrom(config: {
  SUSPENSION_TERMINATE_AFTER: number;
  QUARANTINE_PERIOD: number;
  IDENTITY_RETENTION: number;
  COMPLIANCE_REMINDERS: readonly number[];
  DOCUMENT_REMINDERS: readonly number[];
}): ComplianceWindows {
  return {
    terminateAfterMs: config.SUSPENSION_TERMINATE_AFTER,
    quarantineMs: config.QUARANTINE_PERIOD,
    retentionMs: config.IDENTITY_RETENTION,
    reminderOffsetsMs: config.COMPLIANCE_REMINDERS,
    documentReminderOffsetsMs: config.DOCUMENT_REMINDERS,
  };
}

const plus = (at: Date, ms: number): Date => new Date(at.getTime() + ms);

/** A line suspended at `suspendedAt` is terminated then unless re-verified. */
export const terminatesAt = (suspendedAt: Date, w: ComplianceWindows): Date =>
  plus(suspendedAt, w.terminateAfterMs);
/** A terminated line's number returns to sale then. */
export const quarantineUntil = (terminatedAt: Date, w: ComplianceWindows): Date =>
  plus(terminatedAt, w.quarantineMs);
/** A terminated line's identity records are purged then. */
export const recordsPurgeAt = (terminatedAt: Date, w: ComplianceWindows): Date =>
  plus(terminatedAt, w.retentionMs);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The moment a credential dated `YYYY-MM-DD` stops being valid: it is valid through that day
 * in Beijing (no daylight saving), so it lapses at the next midnight there.
 */
export function credentialLapsesAt(date: string): Date {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const [, y, m, d] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 1) - BEIJING_OFFSET_MS);
}

/** The expiry dates of a dossier version (NULL: long-term, 长期). */
export interface CredentialExpiries {
  licenceExpiresOn: string | null;
  legalRepIdExpiresOn: string | null;
  industryLicenceExpiresOn: string | null;
}

export type CredentialField = 'licenceExpiresOn' | 'legalRepIdExpiresOn' | 'industryLicenceExpiresOn';

/** What lapses first and why the line is suspended then. */
export interface DossierExpiry {
  at: Date;
  field: CredentialField;
  reason: Extract<SuspensionReason, 'licence_expired' | 'id_expired'>;
}

const FIELD_REASON = {
  licenceExpiresOn: 'licence_expired',
  legalRepIdExpiresOn: 'id_expired',
  industryLicenceExpiresOn: 'licence_expired',
} as const satisfies Record<CredentialField, DossierExpiry['reason']>;
const FIELDS = Object.keys(FIELD_REASON) as CredentialField[];

/**
 * When a verified dossier version stops being valid: the earliest of the business licence,
 * the legal representative's ID and the industry licence (ties: in that order); null when
 * every credential is long-term.
 */
export function dossierExpiry(expiries: CredentialExpiries): DossierExpiry | null {
  let earliest: DossierExpiry | null = null;
  for (const field of FIELDS) {
    const date = expiries[field];
    if (date === null) continue;
    const at = credentialLapsesAt(date);
    if (!earliest || at < earliest.at) earliest = { at, field, reason: FIELD_REASON[field] };
  }
  return earliest;
}

/** Why a dossier version cannot (re-)verify a line: a credential lapses within the minimum validity. */
export interface CredentialProblem {
  field: CredentialField;
  code: 'CREDENTIAL_EXPIRED' | 'CREDENTIAL_EXPIRES_SOON';
  lapsesAt: Date;
}

/**
 * The credentials of a version that lapse before `now + minValidityMs` (expired ones
 * included): a re-verification must leave the line valid for at least ID_MIN_VALIDITY.
 */
export function credentialProblems(
  expiries: CredentialExpiries,
  now: Date,
  minValidityMs: number,
): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  for (const field of FIELDS) {
    const date = expiries[field];
    if (date === null) continue;
    const lapsesAt = credentialLapsesAt(date);
    if (lapsesAt <= now) problems.push({ field, code: 'CREDENTIAL_EXPIRED', lapsesAt });
    else if (lapsesAt.getTime() < now.getTime() + minValidityMs)
      problems.push({ field, code: 'CREDENTIAL_EXPIRES_SOON', lapsesAt });
  }
  return problems;
}

/** A reminder due now: the offset before `dueAt` it is for, and when it became due. */
export interface DueReminder {
  offsetMs: number;
  at: Date;
}

/**
 * The reminder to send now for a step due at `dueAt`, given reminders `offsets` before it:
 * the latest offset whose moment has come, or null (none due yet, or the step is past).
 * Only the latest: a worker that was down through several offsets sends one reminder, not
 * one per offset missed; each offset's reminder is deduplicated by its caller.
 */
export function dueReminder(dueAt: Date, offsets: readonly number[], now: Date): DueReminder | null {
  if (now >= dueAt) return null;
  let best: DueReminder | null = null;
  for (const offsetMs of offsets) {
    if (offsetMs <= 0) continue;
    const at = new Date(dueAt.getTime() - offsetMs);
    if (at <= now && (!best || offsetMs < best.offsetMs)) best = { offsetMs, at };
  }
  return best;
}

/** The next thing that happens to a line unless the customer acts. */
export interface NextServiceDeadline {
  at: Date;
  /** What happens then. */
  action: 'suspend' | 'terminate';
  /** Why (a suspension reason), or null for a termination. */
  reason: SuspensionReason | null;
}

/**
 * What happens next to a line: an active line is suspended at its credentials' expiry or its
 * earliest open re-verification deadline, whichever comes first; a suspended one is
 * terminated at `terminatesAt`; a terminated one has nothing ahead.
 */
export function nextServiceDeadline(service: {
  status: string;
  terminatesAt: Date | null;
  expiry: DossierExpiry | null;
  openTaskDueAt: Date | null;
}): NextServiceDeadline | null {
  if (service.status === 'suspended' && service.terminatesAt)
    return { at: service.terminatesAt, action: 'terminate', reason: null };
  if (service.status !== 'active') return null;
  const candidates: NextServiceDeadline[] = [];
  if (service.expiry)
    candidates.push({ at: service.expiry.at, action: 'suspend', reason: service.expiry.reason });
  if (service.openTaskDueAt)
    candidates.push({ at: service.openTaskDueAt, action: 'suspend', reason: 'reverification_overdue' });
  candidates.sort((a, b) => a.at.getTime() - b.at.getTime());
  return candidates[0] ?? null;
}
