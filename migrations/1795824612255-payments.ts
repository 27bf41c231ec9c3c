import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments (checkout sessions and bank transfers; one paid payment per order by partial
 * unique index), refunds with their own states, and provider webhook events stored under
 * the provider's event id before they are applied.
 */
export class Payments1795824612255 implements MigrationInterface {
  name = 'Payments1795824612255';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "provider" character varying(16) NOT NULL, "provider_session_id" character varying(255) NOT NULL, "provider_payment_id" character varying(255), "checkout_url" text, "amount_fen" integer NOT NULL, "currency" character(3) NOT NULL DEFAULT \'CNY\', "lines" jsonb NOT NULL DEFAULT \'[]\', "idempotency_key" character varying(200) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'open\', "expires_at" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "applied_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(40), "refunded_fen" integer NOT NULL DEFAULT \'0\', "created_by" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payments_paid_check" CHECK (("status" = \'paid\') = ("paid_at" IS NOT NULL)), CONSTRAINT "payments_amount_check" CHECK ("amount_fen" > 0 AND "refunded_fen" >= 0 AND "refunded_fen" <= "amount_fen"), CONSTRAINT "payments_status_check" CHECK ("status" IN (\'open\', \'paid\', \'failed\', \'expired\', \'superseded\')), CONSTRAINT "payments_provider_check" CHECK ("provider" IN (\'stripe\', \'sandbox\', \'bank_transfer\')), CONSTRAINT "payments_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "payments_order_idx" ON "payments"  ("order_id", "created_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payments_open_order_key" ON "payments"  ("order_id") WHERE "status" = \'open\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payments_paid_order_key" ON "payments"  ("order_id") WHERE "status" = \'paid\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "payments_provider_session_key" ON "payments"  ("provider", "provider_session_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "refunds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payment_id" uuid NOT NULL, "order_id" uuid NOT NULL, "amount_fen" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "reason" character varying(64) NOT NULL, "provider_refund_id" character varying(255), "idempotency_key" character varying(200) NOT NULL, "failure_reason" text, "created_by" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "refunds_amount_check" CHECK ("amount_fen" > 0), CONSTRAINT "refunds_status_check" CHECK ("status" IN (\'pending\', \'succeeded\', \'failed\', \'cancelled\')), CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "refunds_payment_idx" ON "refunds"  ("payment_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "refunds_provider_refund_key" ON "refunds"  ("provider_refund_id") WHERE "provider_refund_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "refunds_idempotency_key_key" ON "refunds"  ("idempotency_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_events" ("id" character varying(300) NOT NULL, "provider" character varying(16) NOT NULL, "type" character varying(100) NOT NULL, "object_id" character varying(255), "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "attempts" integer NOT NULL DEFAULT \'0\', CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_events_unprocessed_idx" ON "webhook_events"  ("received_at") WHERE "processed_at" IS NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refunds" DROP CONSTRAINT "refunds_payment_id_fkey"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "payments_order_id_fkey"');
    await queryRunner.query('DROP INDEX "public"."webhook_events_unprocessed_idx"');
    await queryRunner.query('DROP TABLE "webhook_events"');
    await queryRunner.query('DROP INDEX "public"."refunds_idempotency_key_key"');
    await queryRunner.query('DROP INDEX "public"."refunds_provider_refund_key"');
    await queryRunner.query('DROP INDEX "public"."refunds_payment_idx"');
    await queryRunner.query('DROP TABLE "refunds"');
    await queryRunner.query('DROP INDEX "public"."payments_provider_session_key"');
    await queryRunner.query('DROP INDEX "public"."payments_paid_order_key"');
    await queryRunner.query('DROP INDEX "public"."payments_open_order_key"');
    await queryRunner.query('DROP INDEX "public"."payments_order_idx"');
    await queryRunner.query('DROP TABLE "payments"');
  }
}
