import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { purgeEndedSessions } from '@haoma/accounts';
import { releaseExpiredHolds } from '@haoma/db';
import { OUTBOX_RETENTION_MS, pruneOutbox } from '../outbox/outbox-retention';
import { CarrierApplicationsSweep } from '../carrier/carrier-applications-sweep';
import { ComplianceSweep, type ComplianceSweepReport } from '../compliance/compliance-sweep';
import { OrphanUploads } from '../documents/orphan-uploads';
import { LostPaymentJobs, type PaymentRepairReport } from '../payments/lost-payment-jobs';
import { LostJobRecovery } from './lost-jobs';
import { OverdueOrders, type OverdueReport } from './overdue-orders';

export interface SweepReport {
  holds: OverdueReport;
  documents: OverdueReport;
  /** Numbers held with no order still holding them, released. */
  orphanHolds: number;
  transitionsRequeued: number;
  notificationsRequeued: number;
  outboxPruned: number;
  /** Login sessions that ended (expired or revoked) more than SESSION_RETENTION_MS ago, deleted. */
  sessionsPurged: number;
  /** Payment events and refunds whose jobs a lost queue dropped, re-enqueued. */
  payments: PaymentRepairReport;
  /** Uploads never attached to a dossier within UPLOAD_ORPHAN_TTL, deleted. */
  orphanUploads: number;
  /** Carrier applications whose next attempt was overdue (a lost job), re-enqueued. */
  carrierRequeued: number;
  /** Live services' timers: suspensions, terminations, quarantine releases, purges, reminders. */
  compliance: ComplianceSweepReport;
}

// Ended sessions are kept a while for the record (who was logged in from where), then deleted.
const SESSION_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * The `sweep-deadlines` job: every overdue deadline in PostgreSQL is handled here whatever
 * became of its timer job, and what a lost queue would never do is re-enqueued. The steps
 * that only need PostgreSQL come first, so deadlines are kept even while the repairs that
 * talk to the queue fail.
 */
@Injectable()
export class DeadlineSweeper {
  private readonly logger = new Logger(DeadlineSweeper.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly overdue: OverdueOrders,
    private readonly lostJobs: LostJobRecovery,
    private readonly lostPaymentJobs: LostPaymentJobs,
    private readonly orphanUploads: OrphanUploads,
    private readonly carrierApplications: CarrierApplicationsSweep,
    private readonly complianceTimers: ComplianceSweep,
  ) {}

  async sweep(now: Date = new Date()): Promise<SweepReport> {
    const holds = await this.overdue.handle('hold', now);
    const documents = await this.overdue.handle('documents', now);
    // After the orders: a number whose order is still holding it is that order's to release.
    const orphanHolds = (await releaseExpiredHolds(this.dataSource.manager, 'system:sweeper', now)).length;
    const compliance = await this.complianceTimers.sweep(now);
    const orphanUploads = await this.orphanUploads.purge(now);
    const outboxPruned = await pruneOutbox(
      this.dataSource.manager,
      new Date(now.getTime() - OUTBOX_RETENTION_MS),
    );
    const sessionsPurged = await purgeEndedSessions(
      this.dataSource.manager,
      new Date(now.getTime() - SESSION_RETENTION_MS),
    );
    const transitionsRequeued = await this.lostJobs.requeueTransitions(now);
    const notificationsRequeued = await this.lostJobs.requeuePendingNotifications(now);
    const payments = await this.lostPaymentJobs.repair(now);
    const carrierRequeued = await this.carrierApplications.requeueDue(now);
    const report = {
      holds,
      documents,
      orphanHolds,
      transitionsRequeued,
      notificationsRequeued,
      outboxPruned,
      sessionsPurged,
      payments,
      orphanUploads,
      carrierRequeued,
      compliance,
    };
    if (
      holds.handled + holds.failed + documents.handled + documents.failed + orphanHolds > 0 ||
      transitionsRequeued + notificationsRequeued + payments.events + payments.refunds > 0 ||
      orphanUploads + carrierRequeued + Object.values(compliance).reduce((sum, n) => sum + n, 0) > 0
    )
      this.logger.log(`sweep: ${JSON.stringify(report)}`);
    return report;
  }
}
