/**
 * The states and kinds of real-name verification and of live services, as data: the
 * database CHECKs, the API and the worker all read these lists.
 */

/** What one uploaded document is (one file each; an ID card is two: front and back). */
export const DOCUMENT_KINDS = [
  'business_licence',
  'legal_rep_id_front',
  'legal_rep_id_back',
  'handler_id_front',
  'handler_id_back',
  'handler_holding_id',
  'authorisation_letter',
  'undertaking',
  'industry_licence',
  'multi_number_proof',
  'destination_owner_id',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Types a document may be, decided by its magic bytes (never by its name). */
export const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/**
 * One dossier version submitted for one order: the worker pre-checks it, then it waits for a
 * reviewer who approves or rejects it; `withdrawn` when the order ended before a decision.
 */
export const SUBMISSION_STATUSES = [
  'prechecking',
  'awaiting_review',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
/** Submissions not yet decided: at most one per order. */
export const OPEN_SUBMISSION_STATUSES = [
  'prechecking',
  'awaiting_review',
] as const satisfies readonly SubmissionStatus[];

/** How bad a pre-check finding is: `error` must be fixed, `warning` is for the reviewer's eyes, `info` is context. */
export const FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * An application to the carrier for one approved submission: `pending` until the carrier has
 * accepted it (retried with backoff), `submitted` while the carrier reviews it, then
 * `approved` or `rejected`; `abandoned` when the order was cancelled meanwhile.
 */
export const CARRIER_APPLICATION_STATUSES = [
  'pending',
  'submitted',
  'approved',
  'rejected',
  'abandoned',
] as const;
export type CarrierApplicationStatus = (typeof CARRIER_APPLICATION_STATUSES)[number];
export const OPEN_CARRIER_APPLICATION_STATUSES = [
  'pending',
  'submitted',
] as const satisfies readonly CarrierApplicationStatus[];

/** A live line: `active → suspended → terminated` (the number then rests in quarantine). */
export const SERVICE_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
/** Services that hold their number: at most one per number. */
export const LIVE_SERVICE_STATUSES = ['active', 'suspended'] as const satisfies readonly ServiceStatus[];

/** Why a service was suspended. */
export const SUSPENSION_REASONS = [
  'licence_expired',
  'id_expired',
  'regulator_flag',
  'reverification_overdue',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** A re-verification campaign is `opening` while its tasks are created (with progress), then `open`, then `closed`. */
export const CAMPAIGN_STATUSES = ['opening', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** One service's re-verification task: `overdue` once its deadline passed (the service is suspended); it can still be completed. */
export const TASK_STATUSES = ['open', 'completed', 'overdue'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
