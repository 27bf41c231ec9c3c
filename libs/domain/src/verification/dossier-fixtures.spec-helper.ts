import type { DossierForm } from './dossier-form';
import { residentIdCheckCharacter } from './resident-id';

/** A valid resident ID for a birth date `YYYYMMDD` and a 3-digit sequence. */
export function residentId(birth: string, sequence = '001', area = '110105'): string {
  const first = `${area}${birth}${sequence}`;
  return `${first}${residentIdCheckCharacter(first)}`;
}

export const TODAY = '2026-03-01';
export const SETTINGS = { idMinValidityMs: 183 * 86_400_000, maxNumbersPerCompany: 3 };
export const LEGAL_REP_ID = residentId('19800101', '011');
export const HANDLER_ID = residentId('19900202', '022');
export const OWNER_ID = residentId('19950303', '033');

/** A complete, valid form input (as JSON from a client); override parts per test. */
export function formInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    company: { name: '厦门示例科技有限公司', uscc: '91350100M000100Y43', licenceExpiresOn: null },
    legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2035-01-01' },
    handler: null,
    destinations: [{ number: '13800138000', ownerName: '王芳', ownerIdNumber: LEGAL_REP_ID }],
    industry: { regulated: false },
    undertakingSigned: true,
    undertakingSignerName: '王芳',
    ...overrides,
  };
}

/** The parsed form of formInput() (same defaults). */
export function validForm(overrides: Partial<DossierForm> = {}): DossierForm {
  return {
    company: { name: '厦门示例科技有限公司', uscc: '91350100M000100Y43', licenceExpiresOn: null },
    legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2035-01-01' },
    handler: null,
    destinations: [{ number: '13800138000', ownerName: '王芳', ownerIdNumber: LEGAL_REP_ID }],
    industry: { regulated: false },
    undertakingSigned: true,
    undertakingSignerName: '王芳',
    ...overrides,
  };
}
