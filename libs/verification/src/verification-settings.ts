import type { AppConfig } from '@haoma/config';

/** The configuration the verification use cases read. */
export interface VerificationSettings {
  /** An ID must stay valid at least this long (ID_MIN_VALIDITY). */
  idMinValidityMs: number;
  /** Numbers one company may have without a multi-number proof (MAX_NUMBERS_PER_COMPANY). */
  maxNumbersPerCompany: number;
  /** A rejected order has at least this long to resubmit (DOCUMENTS_RESUBMIT_WINDOW). */
  resubmitWindowMs: number;
}

export function verificationSettingsFrom(
  config: Pick<AppConfig, 'ID_MIN_VALIDITY' | 'MAX_NUMBERS_PER_COMPANY' | 'DOCUMENTS_RESUBMIT_WINDOW'>,
): VerificationSettings {
  return {
    idMinValidityMs: config.ID_MIN_VALIDITY,
    maxNumbersPerCompany: config.MAX_NUMBERS_PER_COMPANY,
    resubmitWindowMs: config.DOCUMENTS_RESUBMIT_WINDOW,
  };
}
