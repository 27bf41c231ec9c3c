export * from './verification-states';
export { normaliseCode } from './normalise-code';
export { isIsoDate, addDuration, chinaDate } from './iso-date';
export { USCC_ALPHABET, usccCheckCharacter, checkUscc, type UsccCheck, type UsccFailure } from './uscc';
export {
  residentIdCheckCharacter,
  checkResidentId,
  type ResidentIdCheck,
  type ResidentIdFailure,
} from './resident-id';
export { normaliseDestinationNumber } from './destination-number';
export {
  DOSSIER_FIELD_ERROR_CODES,
  type DossierFieldError,
  type DossierFieldErrorCode,
} from './dossier-field-errors';
export {
  MAX_DESTINATIONS,
  parseDossierForm,
  type DossierDestination,
  type DossierForm,
  type DossierFormResult,
  type DossierFormSettings,
  type DossierPerson,
} from './dossier-form';
export {
  destinationNeedsOwnerId,
  missingDocumentKinds,
  requiredDocumentKinds,
  type DocumentRequirementOptions,
} from './document-requirements';
export {
  customerVisibleFindings,
  HANDLER_MANY_COMPANIES_THRESHOLD,
  multiNumberProofRequired,
  PRECHECK_FINDING_CODES,
  precheckDossier,
  sameName,
  worstSeverity,
  type Finding,
  type OtherAccount,
  type PrecheckFacts,
  type PrecheckFindingCode,
  type PrecheckInput,
  type PrecheckSettings,
} from './precheck';
export {
  isRejectionReasonCode,
  REJECTION_REASON_CODES,
  REJECTION_REASONS,
  rejectionReasonText,
  type RejectionReasonCode,
} from './rejection-reasons';
