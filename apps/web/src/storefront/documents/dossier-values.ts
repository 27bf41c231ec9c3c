import {
  checkUscc,
  parseDossierForm,
  requiredDocumentKinds,
  type DocumentKind,
  type DossierForm,
} from '@haoma/domain';
import type { Locale } from '../../i18n/messages';
import { fieldErrorText, type FieldErrors } from '../api-errors';
import { storefrontText } from '../storefront-messages';

/** A person's fields as typed; `longTerm` stands for an ID valid for life (长期). */
export interface PersonValues {
  name: string;
  idNumber: string;
  idExpiresOn: string;
  longTerm: boolean;
}

export interface DestinationValues {
  number: string;
  ownerName: string;
  ownerIdNumber: string;
}

/** The dossier form as the page holds it: every field a string or a switch. */
export interface DossierValues {
  companyName: string;
  uscc: string;
  licenceExpiresOn: string;
  licenceLongTerm: boolean;
  legalRep: PersonValues;
  hasHandler: boolean;
  handler: PersonValues & { mobile: string };
  destinations: DestinationValues[];
  regulated: boolean;
  industryLicenceNumber: string;
  industryLicenceExpiresOn: string;
  industryLongTerm: boolean;
  undertakingSigned: boolean;
  undertakingSignerName: string;
}

const person = (): PersonValues => ({ name: '', idNumber: '', idExpiresOn: '', longTerm: false });

export function emptyDossierValues(): DossierValues {
  return {
    companyName: '',
    uscc: '',
    licenceExpiresOn: '',
    licenceLongTerm: true,
    legalRep: person(),
    hasHandler: false,
    handler: { ...person(), mobile: '' },
    destinations: [{ number: '', ownerName: '', ownerIdNumber: '' }],
    regulated: false,
    industryLicenceNumber: '',
    industryLicenceExpiresOn: '',
    industryLongTerm: false,
    undertakingSigned: false,
    undertakingSignerName: '',
  };
}

// A blank date is left out (REQUIRED), a long-term one is null, as the form's JSON has it.
const date = (value: string, longTerm: boolean) => (longTerm ? null : value.trim() || undefined);
const personInput = (p: PersonValues) => ({
  name: p.name,
  idNumber: p.idNumber,
  idExpiresOn: date(p.idExpiresOn, p.longTerm),
});

/** The values as the DossierForm JSON the API takes (POST /api/v1/dossiers `form`). */
export function toDossierInput(v: DossierValues): Record<string, unknown> {
  return {
    company: {
      name: v.companyName,
      uscc: v.uscc,
      licenceExpiresOn: date(v.licenceExpiresOn, v.licenceLongTerm),
    },
    legalRepresentative: personInput(v.legalRep),
    handler: v.hasHandler ? { ...personInput(v.handler), mobile: v.handler.mobile } : null,
    destinations: v.destinations.map((d) => ({ ...d })),
    industry: v.regulated
      ? {
          regulated: true,
          licenceNumber: v.industryLicenceNumber,
          licenceExpiresOn: date(v.industryLicenceExpiresOn, v.industryLongTerm),
        }
      : { regulated: false },
    undertakingSigned: v.undertakingSigned,
    undertakingSignerName: v.undertakingSignerName,
  };
}

const personValues = (p: { name: string; idNumber: string; idExpiresOn: string | null }): PersonValues => ({
  name: p.name,
  idNumber: p.idNumber,
  idExpiresOn: p.idExpiresOn ?? '',
  longTerm: p.idExpiresOn === null,
});

/** A saved form back as values, to fix and resubmit. */
export function dossierValuesOf(form: DossierForm): DossierValues {
  const empty = emptyDossierValues();
  return {
    companyName: form.company.name,
    uscc: form.company.uscc,
    licenceExpiresOn: form.company.licenceExpiresOn ?? '',
    licenceLongTerm: form.company.licenceExpiresOn === null,
    legalRep: personValues(form.legalRepresentative),
    hasHandler: form.handler !== null,
    handler: form.handler ? { ...personValues(form.handler), mobile: form.handler.mobile } : empty.handler,
    destinations: form.destinations.map((d) => ({ ...d })),
    regulated: form.industry.regulated,
    industryLicenceNumber: form.industry.regulated ? form.industry.licenceNumber : '',
    industryLicenceExpiresOn: form.industry.regulated ? (form.industry.licenceExpiresOn ?? '') : '',
    industryLongTerm: form.industry.regulated && form.industry.licenceExpiresOn === null,
    undertakingSigned: true,
    undertakingSignerName: form.undertakingSignerName,
  };
}

// The server's ID_MIN_VALIDITY default (configuration it does not publish): the browser's
// check is a convenience, the server's answer decides.
export const ID_MIN_VALIDITY_MS = 183 * 86_400_000;

export interface DossierCheck {
  /** The normalised form when it passes, as the server will read it. */
  readonly form: DossierForm | undefined;
  /** Hard errors by field path, in the chosen language: the form cannot be sent. */
  readonly errors: FieldErrors;
  /** Accepted but flagged for a person to look at (a USCC failing only its check character). */
  readonly warnings: FieldErrors;
}

/** The same checks as the server (parseDossierForm from @haoma/domain), in the browser. */
export function checkDossier(values: DossierValues, today: string, locale: Locale): DossierCheck {
  const result = parseDossierForm(toDossierInput(values), today, { idMinValidityMs: ID_MIN_VALIDITY_MS });
  const errors: Record<string, string> = {};
  if ('errors' in result)
    for (const e of result.errors) errors[e.field] ??= fieldErrorText(locale, e.code, e.message);
  const warnings: Record<string, string> = {};
  const uscc = checkUscc(values.uscc);
  if (!errors['company.uscc'] && !uscc.ok && uscc.reason === 'USCC_CHECK')
    warnings['company.uscc'] = fieldErrorText(locale, 'USCC_CHECK', '');
  return { form: 'form' in result ? result.form : undefined, errors, warnings };
}

/** The document kinds to ask for, given what the form says (and whether it is valid yet). */
export function documentKindsFor(form: DossierForm | undefined, values: DossierValues): DocumentKind[] {
  if (form) return requiredDocumentKinds(form, { multiNumberProofRequired: false });
  // Until the form passes, ask for what its switches already tell.
  const kinds: DocumentKind[] = ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back'];
  if (values.hasHandler) kinds.push('handler_id_front', 'handler_id_back', 'authorisation_letter');
  kinds.push('undertaking');
  if (values.regulated) kinds.push('industry_licence');
  return kinds;
}

/** Today's calendar date in Asia/Shanghai, `YYYY-MM-DD`: the day the server checks expiries against. */
export function shopToday(now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now));
}

/** The names of missing kinds, for the "please upload" line. */
export function missingKindsText(kinds: readonly DocumentKind[], locale: Locale): string {
  return kinds.map((k) => storefrontText(locale, `kind.${k}`)).join(locale === 'en' ? ', ' : '、');
}
