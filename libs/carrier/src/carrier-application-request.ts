import type { DossierForm } from '@haoma/domain';
import type { CarrierApplicationRequest } from './carrier-gateway';

/** What the application is built from: the order, its number, and the submitted dossier version. */
export interface ApplicationSource {
  applicationId: string;
  carrier: string;
  number: string;
  planCode: string | null;
  /** dossier_versions.form (a DossierForm; blanked when identity data was purged). */
  form: Record<string, unknown>;
  /** dossier_versions columns, used when the form lacks them. */
  companyName: string;
  uscc: string | null;
  legalRepIdNumber: string | null;
}

/**
 * The carrier application for one approved submission: the company, its legal representative,
 * the handler if someone else applies, and the destination numbers, read from the dossier
 * version the reviewer approved. Read defensively: a form written by an older version of the
 * dossier code may lack a field, and the carrier should get what there is, not a crash.
 */
export function buildApplicationRequest(source: ApplicationSource): CarrierApplicationRequest {
  const form = source.form as Partial<DossierForm>;
  const handler = form.handler ?? null;
  return {
    applicationId: source.applicationId,
    carrier: source.carrier,
    number: source.number,
    company: {
      name: form.company?.name ?? source.companyName,
      uscc: form.company?.uscc ?? source.uscc,
    },
    legalRepresentative: {
      name: form.legalRepresentative?.name ?? '',
      idNumber: form.legalRepresentative?.idNumber ?? source.legalRepIdNumber,
    },
    handler: handler
      ? { name: handler.name, idNumber: handler.idNumber ?? null, mobile: handler.mobile ?? null }
      : null,
    destinations: Array.isArray(form.destinations)
      ? form.destinations.map((d) => ({ number: d.number, ownerName: d.ownerName }))
      : [],
    planCode: source.planCode,
  };
}
