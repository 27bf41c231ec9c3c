import type { ApiApplication, ApiError } from './carrier-api';
import {
  CarrierRequestError,
  CarrierUnavailableError,
  type CarrierApplicationRequest,
  type CarrierApplicationState,
  type CarrierGateway,
} from './carrier-gateway';

export interface HttpCarrierGatewayOptions {
  /** Base URL of the carrier's API (CARRIER_API_URL, or the sandbox's URL). */
  baseUrl: string;
  apiKey: string;
  /** One call's whole budget, answer body included (CARRIER_TIMEOUT). */
  timeoutMs: number;
}

/**
 * The CarrierGateway over the carrier's JSON API (see carrier-api.ts), with node's fetch.
 * Every call is bounded by the timeout; what a retry may cure (timeout, refused or reset
 * connection, 5xx, an answer that is not the JSON we expect) is a CarrierUnavailableError,
 * a 4xx is a CarrierRequestError. Submits carry the application id as `Idempotency-Key`, so
 * a submit whose answer was lost can be repeated without filing twice.
 */
export class HttpCarrierGateway implements CarrierGateway {
  private readonly baseUrl: string;

  constructor(private readonly options: HttpCarrierGatewayOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async submitApplication(request: CarrierApplicationRequest): Promise<CarrierApplicationState> {
    const { body } = await this.call('POST', '/v1/applications', request, {
      'Idempotency-Key': request.applicationId,
    });
    return toState(body as ApiApplication);
  }

  async getApplication(applicationId: string): Promise<CarrierApplicationState> {
    const { status, body } = await this.call(
      'GET',
      `/v1/applications/${encodeURIComponent(applicationId)}`,
      undefined,
      {},
      [404],
    );
    if (status === 404) return { status: 'unknown' };
    return toState(body as ApiApplication);
  }

  async suspendLine(lineReference: string, reason: string): Promise<void> {
    await this.call('POST', `/v1/lines/${encodeURIComponent(lineReference)}/suspend`, { reason });
  }

  async resumeLine(lineReference: string): Promise<void> {
    await this.call('POST', `/v1/lines/${encodeURIComponent(lineReference)}/resume`, {});
  }

  async terminateLine(lineReference: string): Promise<void> {
    await this.call('POST', `/v1/lines/${encodeURIComponent(lineReference)}/terminate`, {});
  }

  /** One request; answers the status and parsed body of a 2xx (or of an `expected` status). */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    expected: number[] = [],
  ): Promise<{ status: number; body: unknown }> {
    const what = `${method} ${path}`;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.options.apiKey}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      if (response.status >= 500)
        throw new CarrierUnavailableError(`carrier ${what}: ${response.status} ${errorMessage(text)}`);
      if (response.status >= 400 && !expected.includes(response.status))
        throw new CarrierRequestError(
          `carrier ${what}: ${response.status} ${errorMessage(text)}`,
          response.status,
        );
      try {
        return { status: response.status, body: text ? JSON.parse(text) : null };
      } catch {
        throw new CarrierUnavailableError(`carrier ${what}: the answer is not JSON`);
      }
    } catch (error) {
      if (error instanceof CarrierUnavailableError || error instanceof CarrierRequestError) throw error;
      // A DOMException (the abort) is not an Error in every realm: read its name either way.
      const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new CarrierUnavailableError(`carrier ${what}: no answer within ${this.options.timeoutMs} ms`);
      // fetch rejects with a TypeError for refused, reset or unreachable connections.
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new CarrierUnavailableError(
        `carrier ${what}: ${error instanceof Error ? error.message : String(error)}${cause}`,
      );
    }
  }
}

function toState(application: ApiApplication | null): CarrierApplicationState {
  if (!application || typeof application.reference !== 'string')
    throw new CarrierUnavailableError('carrier answered without an application');
  switch (application.status) {
    case 'submitted':
      return { status: 'submitted', reference: application.reference };
    case 'approved':
      if (!application.lineReference)
        throw new CarrierUnavailableError('carrier approved without a line reference');
      return {
        status: 'approved',
        reference: application.reference,
        lineReference: application.lineReference,
      };
    case 'rejected':
      return {
        status: 'rejected',
        reference: application.reference,
        reasons: Array.isArray(application.reasons) ? application.reasons : [],
      };
    default:
      throw new CarrierUnavailableError(`carrier answered an unknown status "${String(application.status)}"`);
  }
}

function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as Partial<ApiError>;
    if (parsed.error) return `${parsed.error.code}: ${parsed.error.message}`;
  } catch {
    // not JSON: the text itself, shortened
  }
  return text.slice(0, 200);
}
