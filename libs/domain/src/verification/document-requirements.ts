import type { DossierForm } from './dossier-form';
import { DOCUMENT_KINDS, type DocumentKind } from './verification-states';

export interface DocumentRequirementOptions {
  /** The company holds (or has on order) as many numbers as MAX_NUMBERS_PER_COMPANY already. */
  multiNumberProofRequired: boolean;
}

/**
 * Whether a destination's owner needs their own ID document: not when the line is the
 * company's (owner named by its USCC) or belongs to the legal representative or the handler,
 * whose IDs are in the dossier already; yes for anyone else (an employee's mobile).
 */
export function destinationNeedsOwnerId(form: DossierForm, ownerIdNumber: string): boolean {
  return (
    ownerIdNumber !== form.company.uscc &&
    ownerIdNumber !== form.legalRepresentative.idNumber &&
    ownerIdNumber !== form.handler?.idNumber
  );
}

/**
 * The document kinds a dossier must carry, in DOCUMENT_KINDS order: the business licence,
 * both sides of the legal representative's ID and the signed undertaking always; the
 * handler's ID (both sides) and the authorisation letter when a handler applies; the industry
 * licence for a regulated trade; the multi-number proof when required; one destination-owner
 * ID when any destination belongs to someone not otherwise in the dossier. (The photo of the
 * handler holding the ID is optional: only some carriers ask for it.)
 */
export function requiredDocumentKinds(
  form: DossierForm,
  options: DocumentRequirementOptions,
): DocumentKind[] {
  const required = new Set<DocumentKind>([
    'business_licence',
    'legal_rep_id_front',
    'legal_rep_id_back',
    'undertaking',
  ]);
  if (form.handler) {
    required.add('handler_id_front');
    required.add('handler_id_back');
    required.add('authorisation_letter');
  }
  if (form.industry.regulated) required.add('industry_licence');
  if (options.multiNumberProofRequired) required.add('multi_number_proof');
  if (form.destinations.some((d) => destinationNeedsOwnerId(form, d.ownerIdNumber)))
    required.add('destination_owner_id');
  return DOCUMENT_KINDS.filter((kind) => required.has(kind));
}

/** The required kinds for which no document is attached, in DOCUMENT_KINDS order. */
export function missingDocumentKinds(
  form: DossierForm,
  attached: readonly DocumentKind[],
  options: DocumentRequirementOptions,
): DocumentKind[] {
  const have = new Set(attached);
  return requiredDocumentKinds(form, options).filter((kind) => !have.has(kind));
}
