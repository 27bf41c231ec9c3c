/**
 * The carrier's JSON API as our HTTP gateway speaks it and the sandbox carrier serves it.
 * Every request carries `Authorization: Bearer <CARRIER_API_KEY>`; bodies are JSON.
 *
 * - `POST /v1/applications` — body: a CarrierApplicationRequest; header `Idempotency-Key`:
 *   the application id. 201 when filed, 200 when that id was filed before (the same
 *   application is returned, nothing is filed twice). Answer: an ApiApplication.
 * - `GET /v1/applications/:id` — 200 ApiApplication; 404 when the carrier has no such id.
 * - `POST /v1/lines/:lineReference/suspend` (body `{reason}`), `/resume`, `/terminate` —
 *   200 ApiLine; idempotent (suspending a suspended line answers 200); 404 unknown line;
 *   409 when the line is terminated (nothing can be done to it any more).
 * - Errors: `{ error: { code, message } }` with 400 (bad body), 401 (missing or wrong key),
 *   404, 409, 503 (try again later).
 */
export interface ApiApplication {
  applicationId: string;
  /** The carrier's own reference of the application. */
  reference: string;
  status: 'submitted' | 'approved' | 'rejected';
  /** Which of the carrier's review stages the application is at (or was decided in). */
  stage: 'registration_check' | 'use_case_review';
  /** Approved: the live line's reference, used for every later line operation. */
  lineReference: string | null;
  /** Rejected: why, each with a code, a text the customer can act on, and what it concerns. */
  reasons: { code: string; text: string; target?: string }[];
  filedAt: string;
  decidedAt: string | null;
}

export interface ApiLine {
  lineReference: string;
  number: string;
  status: 'active' | 'suspended' | 'terminated';
}

export interface ApiError {
  error: { code: string; message: string };
}
