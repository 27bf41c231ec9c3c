import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  abandonApplication,
  activateApplication,
  buildApplicationRequest,
  CARRIER_GATEWAY,
  CarrierRequestError,
  carrierRetryDelay,
  CarrierUnavailableError,
  rejectApplication,
  type CarrierApplicationState,
  type CarrierDecisionOutcome,
  type CarrierGateway,
} from '@haoma/carrier';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import type { JobPayloads } from '@haoma/jobs';
import { appendOutbox } from '@haoma/orders';

export type CarrierApplicationResult =
  | { outcome: 'skipped'; why: string }
  | { outcome: 'abandoned' }
  | { outcome: 'submitted' | 'under_review'; nextAttemptAt: Date }
  | { outcome: 'activated' | 'rejected' }
  | { outcome: 'retry'; nextAttemptAt: Date; error: string }
  /** Another run changed the row while this one talked to the carrier: its result stands. */
  | { outcome: 'raced' };

interface ApplicationRow {
  id: string;
  order_id: string;
  carrier: string;
  status: 'pending' | 'submitted' | 'approved' | 'rejected' | 'abandoned';
  attempts: number;
  next_attempt_at: Date;
  order_status: string;
}

// A job may run a little before its row's time (clock rounding of the delay); not much more.
const EARLY_TOLERANCE_MS = 1_000;

/**
 * The `process-carrier-application` job: submits an approved application to the carrier, or
 * asks the carrier where it stands, whichever the row's status calls for, and applies the
 * carrier's decision (activation or rejection). The carrier is called outside any
 * transaction; the result is then written with a compare-and-set on (status, attempts), in
 * the same transaction as the next job (outbox, `runAt` = next_attempt_at), so exactly one
 * chain of jobs follows an application, and a run that lost a race leaves no trace. Transient
 * failures never throw: they are recorded and the next attempt is scheduled with backoff.
 */
@Injectable()
export class CarrierApplicationHandler {
  private readonly logger = new Logger(CarrierApplicationHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CARRIER_GATEWAY) private readonly carrier: CarrierGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(
    payload: JobPayloads['process-carrier-application'],
    now: () => Date = () => new Date(),
  ): Promise<CarrierApplicationResult> {
    const [row]: ApplicationRow[] = await this.dataSource.query(
      `SELECT a.id, a.order_id, a.carrier, a.status, a.attempts, a.next_attempt_at, o.status AS order_status
         FROM carrier_applications a JOIN orders o ON o.id = a.order_id
        WHERE a.id = $1`,
      [payload.applicationId],
    );
    if (!row) return { outcome: 'skipped', why: 'no such application' };
    if (row.status !== 'pending' && row.status !== 'submitted')
      return { outcome: 'skipped', why: `application ${row.status}` };
    if (row.order_status !== 'provisioning') {
      await abandonApplication(this.dataSource.manager, row.id, `the order is ${row.order_status}`, now());
      return { outcome: 'abandoned' };
    }
    // An early duplicate (a re-enqueued job while the scheduled one still waits): the scheduled
    // one will do the work, and two runs would start two chains of jobs.
    if (row.next_attempt_at.getTime() > now().getTime() + EARLY_TOLERANCE_MS)
      return { outcome: 'skipped', why: 'not due yet' };

    let state: CarrierApplicationState;
    let calls = 1;
    try {
      if (row.status === 'submitted') {
        state = await this.carrier.getApplication(row.id);
        if (state.status === 'unknown') {
          // The carrier lost it (or never had it): file it again under the same id.
          calls += 1;
          state = await this.carrier.submitApplication(await this.request(row));
        }
      } else state = await this.carrier.submitApplication(await this.request(row));
    } catch (error) {
      if (error instanceof CarrierUnavailableError || error instanceof CarrierRequestError)
        return this.recordFailure(row, error, calls, now());
      throw error;
    }
    return this.apply(row, state, calls, now());
  }

  private async apply(
    row: ApplicationRow,
    state: CarrierApplicationState,
    calls: number,
    at: Date,
  ): Promise<CarrierApplicationResult> {
    switch (state.status) {
      case 'approved': {
        const result = await this.dataSource.transaction((manager) =>
          activateApplication(manager, {
            applicationId: row.id,
            carrierReference: state.reference,
            lineReference: state.lineReference,
            now: at,
          }),
        );
        if (result.outcome === 'activated') this.logger.log(`order ${row.order_id} activated by the carrier`);
        return this.settled(result.outcome);
      }
      case 'rejected': {
        const result = await this.dataSource.transaction((manager) =>
          rejectApplication(manager, {
            applicationId: row.id,
            carrierReference: state.reference,
            reasons: state.reasons,
            resubmitWindowMs: this.config.DOCUMENTS_RESUBMIT_WINDOW,
            now: at,
          }),
        );
        return this.settled(result.outcome);
      }
      case 'submitted': {
        const nextAttemptAt = new Date(at.getTime() + this.config.CARRIER_POLL_INTERVAL);
        const saved = await this.save(row, calls, nextAttemptAt, {
          status: 'submitted',
          carrierReference: state.reference,
          lastError: null,
        });
        if (!saved) return { outcome: 'raced' };
        return { outcome: row.status === 'pending' ? 'submitted' : 'under_review', nextAttemptAt };
      }
      case 'unknown':
        // A submit never answers `unknown`; a carrier that does is misbehaving: try again later.
        return this.recordFailure(
          row,
          new CarrierUnavailableError('the carrier does not know the application it was just sent'),
          calls,
          at,
        );
    }
  }

  private settled(outcome: CarrierDecisionOutcome['outcome']): CarrierApplicationResult {
    switch (outcome) {
      case 'activated':
      case 'rejected':
      case 'abandoned':
        return { outcome };
      case 'already_decided':
        return { outcome: 'skipped', why: 'already decided' };
    }
  }

  private async recordFailure(
    row: ApplicationRow,
    error: CarrierUnavailableError | CarrierRequestError,
    calls: number,
    at: Date,
  ): Promise<CarrierApplicationResult> {
    // A refusal (4xx) is for staff to look at: retried, but at the slowest pace.
    const delay =
      error instanceof CarrierRequestError
        ? this.config.CARRIER_RETRY_MAX
        : carrierRetryDelay(row.attempts, {
            baseMs: this.config.CARRIER_RETRY_BASE,
            maxMs: this.config.CARRIER_RETRY_MAX,
          });
    const nextAttemptAt = new Date(at.getTime() + delay);
    const saved = await this.save(row, calls, nextAttemptAt, {
      status: row.status === 'submitted' ? 'submitted' : 'pending',
      lastError: error.message,
    });
    if (!saved) return { outcome: 'raced' };
    this.logger.warn(
      `carrier application ${row.id}: ${error.message}; next attempt at ${nextAttemptAt.toISOString()}`,
    );
    return { outcome: 'retry', nextAttemptAt, error: error.message };
  }

  /** Compare-and-set of the row, with the next job in the same transaction. */
  private async save(
    row: ApplicationRow,
    calls: number,
    nextAttemptAt: Date,
    change: { status: 'pending' | 'submitted'; carrierReference?: string; lastError: string | null },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const updated: unknown[] = await manager.query(
        `WITH changed AS (
         UPDATE carrier_applications
            SET status = $4::varchar, attempts = attempts + $5, next_attempt_at = $6, last_error = $7,
                carrier_reference = COALESCE($8::varchar, carrier_reference),
                submitted_at = CASE WHEN $4::varchar = 'submitted' THEN COALESCE(submitted_at, now()) ELSE submitted_at END,
                updated_at = now()
          WHERE id = $1 AND status = $2 AND attempts = $3
          RETURNING id)
         SELECT id FROM changed`,
        [
          row.id,
          row.status,
          row.attempts,
          change.status,
          calls,
          nextAttemptAt,
          change.lastError,
          change.carrierReference ?? null,
        ],
      );
      if (updated.length === 0) return false;
      await appendOutbox(manager, 'process-carrier-application', { applicationId: row.id }, nextAttemptAt);
      return true;
    });
  }

  private async request(row: ApplicationRow) {
    const [source]: {
      number: string;
      plan_code: string | null;
      form: Record<string, unknown>;
      company_name: string;
      uscc: string | null;
      legal_rep_id_number: string | null;
    }[] = await this.dataSource.query(
      `SELECT o.number, p.code AS plan_code, v.form, v.company_name, v.uscc, v.legal_rep_id_number
         FROM carrier_applications a
         JOIN orders o ON o.id = a.order_id
         JOIN verification_submissions s ON s.id = a.submission_id
         JOIN dossier_versions v ON v.id = s.dossier_version_id
         LEFT JOIN plans p ON p.id = o.plan_id
        WHERE a.id = $1`,
      [row.id],
    );
    if (!source) throw new Error(`carrier application ${row.id}: its order or dossier version is missing`);
    return buildApplicationRequest({
      applicationId: row.id,
      carrier: row.carrier,
      number: source.number,
      planCode: source.plan_code,
      form: source.form,
      companyName: source.company_name,
      uscc: source.uscc,
      legalRepIdNumber: source.legal_rep_id_number,
    });
  }
}
