import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real-name verification and live services: documents (bytes in document storage, checked
 * metadata here), dossiers with immutable versions, verification submissions (pre-check
 * findings, review decisions; one undecided per order), carrier applications (one in flight
 * per order, id = the carrier's idempotency key), services (one live service per number),
 * their timeline, and re-verification campaigns with one task per service. Orders gain the
 * `ended` status: a terminated service ends its order and frees the number.
 */
export class Verification1795831203935 implements MigrationInterface {
  name = 'Verification1795831203935';

  async up(queryRunner: QueryRunner): Promise<void> {
    // TypeORM does not compare CHECK texts: the new order status is added by hand.
    await queryRunner.query('ALTER TABLE "orders" DROP CONSTRAINT "orders_status_check"');
    await queryRunner.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "orders_status_check" CHECK ("status" IN ('selecting', 'awaiting_payment', 'awaiting_documents', 'under_review', 'provisioning', 'active', 'ended', 'expired', 'cancelled'))`,
    );
    await queryRunner.query(
      'CREATE TABLE "dossiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "company_name" character varying(200) NOT NULL, "current_version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "dossiers_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "dossiers_customer_idx" ON "dossiers"  ("customer_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "version" integer NOT NULL, "form" jsonb NOT NULL, "company_name" character varying(200) NOT NULL, "uscc" character varying(18), "legal_rep_id_number" character varying(18), "handler_id_number" character varying(18), "licence_expires_on" date, "legal_rep_id_expires_on" date, "industry_licence_expires_on" date, "created_by" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "dossier_versions_version_check" CHECK ("version" >= 1), CONSTRAINT "dossier_versions_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_versions_handler_idx" ON "dossier_versions"  ("handler_id_number") WHERE "handler_id_number" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_versions_legal_rep_idx" ON "dossier_versions"  ("legal_rep_id_number") ',
    );
    await queryRunner.query('CREATE INDEX "dossier_versions_uscc_idx" ON "dossier_versions"  ("uscc") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_versions_dossier_version_key" ON "dossier_versions"  ("dossier_id", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "verification_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "dossier_version_id" uuid NOT NULL, "sequence" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'prechecking\', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "findings" jsonb NOT NULL DEFAULT \'[]\', "worst_severity" character varying(8), "prechecked_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(100), "decided_at" TIMESTAMP WITH TIME ZONE, "rejection_reasons" jsonb NOT NULL DEFAULT \'[]\', "review_note" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "verification_submissions_sequence_check" CHECK ("sequence" >= 1), CONSTRAINT "verification_submissions_decision_check" CHECK (("status" IN (\'approved\', \'rejected\')) = ("decided_at" IS NOT NULL AND "decided_by" IS NOT NULL)), CONSTRAINT "verification_submissions_status_check" CHECK ("status" IN (\'prechecking\', \'awaiting_review\', \'approved\', \'rejected\', \'withdrawn\')), CONSTRAINT "verification_submissions_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "verification_submissions_queue_idx" ON "verification_submissions"  ("status", "submitted_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "verification_submissions_open_order_key" ON "verification_submissions"  ("order_id") WHERE "status" IN (\'prechecking\', \'awaiting_review\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "verification_submissions_order_sequence_key" ON "verification_submissions"  ("order_id", "sequence") ',
    );
    await queryRunner.query(
      'CREATE TABLE "carrier_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "carrier" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "carrier_reference" character varying(100), "rejection_reasons" jsonb NOT NULL DEFAULT \'[]\', "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "carrier_applications_attempts_check" CHECK ("attempts" >= 0), CONSTRAINT "carrier_applications_status_check" CHECK ("status" IN (\'pending\', \'submitted\', \'approved\', \'rejected\', \'abandoned\')), CONSTRAINT "carrier_applications_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "carrier_applications_due_idx" ON "carrier_applications"  ("next_attempt_at") WHERE "status" IN (\'pending\', \'submitted\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "carrier_applications_open_order_key" ON "carrier_applications"  ("order_id") WHERE "status" IN (\'pending\', \'submitted\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "carrier_applications_submission_key" ON "carrier_applications"  ("submission_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "content_type" character varying(32) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "original_name" character varying(255) NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attached_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "documents_size_check" CHECK ("size_bytes" > 0), CONSTRAINT "documents_content_type_check" CHECK ("content_type" IN (\'image/jpeg\', \'image/png\', \'application/pdf\')), CONSTRAINT "documents_kind_check" CHECK ("kind" IN (\'business_licence\', \'legal_rep_id_front\', \'legal_rep_id_back\', \'handler_id_front\', \'handler_id_back\', \'handler_holding_id\', \'authorisation_letter\', \'undertaking\', \'industry_licence\', \'multi_number_proof\', \'destination_owner_id\')), CONSTRAINT "documents_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "documents_sha256_idx" ON "documents"  ("sha256") ');
    await queryRunner.query(
      'CREATE INDEX "documents_unattached_idx" ON "documents"  ("uploaded_at") WHERE "attached_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "documents_storage_key_key" ON "documents"  ("storage_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "documents_customer_idx" ON "documents"  ("customer_id", "uploaded_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_version_documents" ("version_id" uuid NOT NULL, "document_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, CONSTRAINT "dossier_version_documents_pkey" PRIMARY KEY ("version_id", "document_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_version_documents_document_idx" ON "dossier_version_documents"  ("document_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "reverification_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "selection" jsonb NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "agreement_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'opening\', "tasks_total" integer, "tasks_created" integer NOT NULL DEFAULT \'0\', "created_by" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reverification_campaigns_progress_check" CHECK ("tasks_created" >= 0 AND ("tasks_total" IS NULL OR "tasks_created" <= "tasks_total")), CONSTRAINT "reverification_campaigns_status_check" CHECK ("status" IN (\'opening\', \'open\', \'closed\')), CONSTRAINT "reverification_campaigns_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "reverification_campaigns_created_idx" ON "reverification_campaigns"  ("created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "services" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "number" character varying(10) COLLATE "C" NOT NULL, "dossier_id" uuid NOT NULL, "dossier_version_id" uuid NOT NULL, "plan_id" uuid, "carrier" character varying(16) NOT NULL, "carrier_reference" character varying(100), "status" character varying(16) NOT NULL DEFAULT \'active\', "activated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "term_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "suspended_at" TIMESTAMP WITH TIME ZONE, "suspension_reason" character varying(32), "terminates_at" TIMESTAMP WITH TIME ZONE, "terminated_at" TIMESTAMP WITH TIME ZONE, "quarantine_until" TIMESTAMP WITH TIME ZONE, "number_released_at" TIMESTAMP WITH TIME ZONE, "records_purge_at" TIMESTAMP WITH TIME ZONE, "records_purged_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "services_terminated_check" CHECK (("status" = \'terminated\') = ("terminated_at" IS NOT NULL AND "quarantine_until" IS NOT NULL AND "records_purge_at" IS NOT NULL)), CONSTRAINT "services_suspended_check" CHECK (("status" = \'suspended\') = ("suspended_at" IS NOT NULL AND "suspension_reason" IS NOT NULL AND "terminates_at" IS NOT NULL)), CONSTRAINT "services_suspension_reason_check" CHECK ("suspension_reason" IS NULL OR "suspension_reason" IN (\'licence_expired\', \'id_expired\', \'regulator_flag\', \'reverification_overdue\')), CONSTRAINT "services_status_check" CHECK ("status" IN (\'active\', \'suspended\', \'terminated\')), CONSTRAINT "services_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "services_purge_idx" ON "services"  ("records_purge_at") WHERE "status" = \'terminated\' AND "records_purged_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "services_quarantine_idx" ON "services"  ("quarantine_until") WHERE "status" = \'terminated\' AND "number_released_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "services_terminates_idx" ON "services"  ("terminates_at") WHERE "status" = \'suspended\'',
    );
    await queryRunner.query('CREATE INDEX "services_status_idx" ON "services"  ("status", "verified_at") ');
    await queryRunner.query(
      'CREATE INDEX "services_customer_idx" ON "services"  ("customer_id", "activated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "services_live_number_key" ON "services"  ("number") WHERE "status" IN (\'active\', \'suspended\')',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "services_order_key" ON "services"  ("order_id") ');
    await queryRunner.query(
      'CREATE TABLE "reverification_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "service_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'open\', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "dossier_version_id" uuid, "agreement_id" uuid, "signer_name" character varying(100), "signer_title" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reverification_tasks_completed_check" CHECK (("status" = \'completed\') = ("completed_at" IS NOT NULL)), CONSTRAINT "reverification_tasks_status_check" CHECK ("status" IN (\'open\', \'completed\', \'overdue\')), CONSTRAINT "reverification_tasks_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "reverification_tasks_due_idx" ON "reverification_tasks"  ("due_at") WHERE "status" = \'open\'',
    );
    await queryRunner.query(
      'CREATE INDEX "reverification_tasks_service_idx" ON "reverification_tasks"  ("service_id", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "reverification_tasks_customer_idx" ON "reverification_tasks"  ("customer_id", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reverification_tasks_campaign_service_key" ON "reverification_tasks"  ("campaign_id", "service_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "service_events" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "service_id" uuid NOT NULL, "event" character varying(40) NOT NULL, "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "actor" character varying(100) NOT NULL, "reason" text, "data" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "service_events_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "service_events_service_idx" ON "service_events"  ("service_id", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_versions" ADD CONSTRAINT "dossier_versions_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verification_submissions" ADD CONSTRAINT "verification_submissions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "verification_submissions" ADD CONSTRAINT "verification_submissions_dossier_version_id_fkey" FOREIGN KEY ("dossier_version_id") REFERENCES "dossier_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "carrier_applications" ADD CONSTRAINT "carrier_applications_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "carrier_applications" ADD CONSTRAINT "carrier_applications_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "verification_submissions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "documents" ADD CONSTRAINT "documents_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_version_documents" ADD CONSTRAINT "dossier_version_documents_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "dossier_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_version_documents" ADD CONSTRAINT "dossier_version_documents_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "services" ADD CONSTRAINT "services_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "services" ADD CONSTRAINT "services_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "services" ADD CONSTRAINT "services_number_fkey" FOREIGN KEY ("number") REFERENCES "numbers"("number") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "services" ADD CONSTRAINT "services_dossier_version_id_fkey" FOREIGN KEY ("dossier_version_id") REFERENCES "dossier_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reverification_tasks" ADD CONSTRAINT "reverification_tasks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "reverification_campaigns"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reverification_tasks" ADD CONSTRAINT "reverification_tasks_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "service_events" ADD CONSTRAINT "service_events_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "orders" DROP CONSTRAINT "orders_status_check"');
    await queryRunner.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "orders_status_check" CHECK ("status" IN ('selecting', 'awaiting_payment', 'awaiting_documents', 'under_review', 'provisioning', 'active', 'expired', 'cancelled'))`,
    );
    await queryRunner.query('ALTER TABLE "service_events" DROP CONSTRAINT "service_events_service_id_fkey"');
    await queryRunner.query(
      'ALTER TABLE "reverification_tasks" DROP CONSTRAINT "reverification_tasks_service_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "reverification_tasks" DROP CONSTRAINT "reverification_tasks_campaign_id_fkey"',
    );
    await queryRunner.query('ALTER TABLE "services" DROP CONSTRAINT "services_dossier_version_id_fkey"');
    await queryRunner.query('ALTER TABLE "services" DROP CONSTRAINT "services_number_fkey"');
    await queryRunner.query('ALTER TABLE "services" DROP CONSTRAINT "services_customer_id_fkey"');
    await queryRunner.query('ALTER TABLE "services" DROP CONSTRAINT "services_order_id_fkey"');
    await queryRunner.query(
      'ALTER TABLE "dossier_version_documents" DROP CONSTRAINT "dossier_version_documents_document_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_version_documents" DROP CONSTRAINT "dossier_version_documents_version_id_fkey"',
    );
    await queryRunner.query('ALTER TABLE "documents" DROP CONSTRAINT "documents_customer_id_fkey"');
    await queryRunner.query(
      'ALTER TABLE "carrier_applications" DROP CONSTRAINT "carrier_applications_submission_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "carrier_applications" DROP CONSTRAINT "carrier_applications_order_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "verification_submissions" DROP CONSTRAINT "verification_submissions_dossier_version_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "verification_submissions" DROP CONSTRAINT "verification_submissions_order_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_versions" DROP CONSTRAINT "dossier_versions_dossier_id_fkey"',
    );
    await queryRunner.query('ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_customer_id_fkey"');
    await queryRunner.query('DROP INDEX "public"."service_events_service_idx"');
    await queryRunner.query('DROP TABLE "service_events"');
    await queryRunner.query('DROP INDEX "public"."reverification_tasks_campaign_service_key"');
    await queryRunner.query('DROP INDEX "public"."reverification_tasks_customer_idx"');
    await queryRunner.query('DROP INDEX "public"."reverification_tasks_service_idx"');
    await queryRunner.query('DROP INDEX "public"."reverification_tasks_due_idx"');
    await queryRunner.query('DROP TABLE "reverification_tasks"');
    await queryRunner.query('DROP INDEX "public"."services_order_key"');
    await queryRunner.query('DROP INDEX "public"."services_live_number_key"');
    await queryRunner.query('DROP INDEX "public"."services_customer_idx"');
    await queryRunner.query('DROP INDEX "public"."services_status_idx"');
    await queryRunner.query('DROP INDEX "public"."services_terminates_idx"');
    await queryRunner.query('DROP INDEX "public"."services_quarantine_idx"');
    await queryRunner.query('DROP INDEX "public"."services_purge_idx"');
    await queryRunner.query('DROP TABLE "services"');
    await queryRunner.query('DROP INDEX "public"."reverification_campaigns_created_idx"');
    await queryRunner.query('DROP TABLE "reverification_campaigns"');
    await queryRunner.query('DROP INDEX "public"."dossier_version_documents_document_idx"');
    await queryRunner.query('DROP TABLE "dossier_version_documents"');
    await queryRunner.query('DROP INDEX "public"."documents_customer_idx"');
    await queryRunner.query('DROP INDEX "public"."documents_storage_key_key"');
    await queryRunner.query('DROP INDEX "public"."documents_unattached_idx"');
    await queryRunner.query('DROP INDEX "public"."documents_sha256_idx"');
    await queryRunner.query('DROP TABLE "documents"');
    await queryRunner.query('DROP INDEX "public"."carrier_applications_submission_key"');
    await queryRunner.query('DROP INDEX "public"."carrier_applications_open_order_key"');
    await queryRunner.query('DROP INDEX "public"."carrier_applications_due_idx"');
    await queryRunner.query('DROP TABLE "carrier_applications"');
    await queryRunner.query('DROP INDEX "public"."verification_submissions_order_sequence_key"');
    await queryRunner.query('DROP INDEX "public"."verification_submissions_open_order_key"');
    await queryRunner.query('DROP INDEX "public"."verification_submissions_queue_idx"');
    await queryRunner.query('DROP TABLE "verification_submissions"');
    await queryRunner.query('DROP INDEX "public"."dossier_versions_dossier_version_key"');
    await queryRunner.query('DROP INDEX "public"."dossier_versions_uscc_idx"');
    await queryRunner.query('DROP INDEX "public"."dossier_versions_legal_rep_idx"');
    await queryRunner.query('DROP INDEX "public"."dossier_versions_handler_idx"');
    await queryRunner.query('DROP TABLE "dossier_versions"');
    await queryRunner.query('DROP INDEX "public"."dossiers_customer_idx"');
    await queryRunner.query('DROP TABLE "dossiers"');
  }
}
