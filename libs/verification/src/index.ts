export {
  VERIFICATION_ERROR_CODES,
  VerificationError,
  type VerificationErrorCode,
} from './verification-errors';
export { verificationSettingsFrom, type VerificationSettings } from './verification-settings';
export { decodePageCursor, encodePageCursor, type Page, type PageCursor } from './page-cursor';
export {
  addDossierVersion,
  createDossier,
  type DossierVersionInput,
  type DossierVersionRef,
} from './dossiers';
export {
  findDossier,
  findDossierVersion,
  listDossiers,
  versionDocuments,
  type DossierDetail,
  type DossierDocumentView,
  type DossierSummary,
  type DossierVersionView,
} from './dossier-queries';
export { companyNumberCount, gatherPrecheckFacts } from './precheck-facts';
export { submitDossier, type SubmitCommand, type SubmitResult } from './submissions';
export { runPrecheck, type PrecheckOutcome } from './precheck-runner';
export { approveSubmission, rejectSubmission, type RejectionReasonInput } from './review-decisions';
export { withdrawSubmissionsFor } from './submission-withdrawal';
export {
  listOrderSubmissions,
  rejectionReasonView,
  type CustomerSubmissionView,
  type RejectionReasonView,
} from './submission-queries';
export {
  findReview,
  listReviewQueue,
  type ReviewDetail,
  type ReviewQueueItem,
  type SubmissionDecisionView,
} from './review-queries';
