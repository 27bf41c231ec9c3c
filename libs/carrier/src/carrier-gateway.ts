/**
 * The one interface to a carrier's provisioning system (China Telecom, Unicom, Mobile each
 * have their own; in development and tests a sandbox carrier that behaves like a remote
 * system). Every call may fail: CarrierUnavailableError for what a retry may cure (timeouts,
 * 5xx, connection refused), CarrierRequestError for what it will not (a 4xx).
 */
export interface CarrierApplicationRequest {
  /** Our application id: the carrier's idempotency key, so a retried submit files once. */
  applicationId: string;
  carrier: string;
  /** Ten digits, `4001234567`. */
  number: string;
  company: { name: string; uscc: string | null };
  legalRepresentative: { name: string; idNumber: string | null };
  handler: { name: string; idNumber: string | null; mobile: string | null } | null;
  destinations: { number: string; ownerName: string }[];
  planCode: string | null;
}

export type CarrierApplicationState =
  | { status: 'submitted'; reference: string }
  | { status: 'approved'; reference: string; lineReference: string }
  | { status: 'rejected'; reference: string; reasons: { code: string; text: string; target?: string }[] }
  /** The carrier has no such application (never received, or it forgot it): submit again. */
  | { status: 'unknown' };

export interface CarrierGateway {
  /** Files an application; idempotent by applicationId (a repeat returns the same state). */
  submitApplication(request: CarrierApplicationRequest): Promise<CarrierApplicationState>;
  /** Where an application stands. */
  getApplication(applicationId: string): Promise<CarrierApplicationState>;
  /** Line operations on a live number, by the line reference the approval returned; idempotent. */
  suspendLine(lineReference: string, reason: string): Promise<void>;
  resumeLine(lineReference: string): Promise<void>;
  terminateLine(lineReference: string): Promise<void>;
}

/** Injection token of the CarrierGateway in effect (CARRIER_PROVIDER). */
export const CARRIER_GATEWAY = Symbol('CARRIER_GATEWAY');

/** A failure a retry may cure: timeout, 5xx, connection refused or reset. */
export class CarrierUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarrierUnavailableError';
  }
}

/** A refusal a retry will not cure (the carrier answered 4xx). */
export class CarrierRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CarrierRequestError';
  }
}
