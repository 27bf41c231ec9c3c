import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (customers, staff, sessions, refresh tokens), agreements, orders with their
 * timeline and signatures, the transactional outbox and notifications. The outbox NOTIFY
 * trigger wakes the worker's relay at once instead of on its next poll.
 */
export class Orders1795822363987 implements MigrationInterface {
  name = 'Orders1795822363987';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "version" integer NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "sha256" character(64) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "agreements_version_check" CHECK ("version" > 0), CONSTRAINT "agreements_kind_check" CHECK ("kind" IN (\'service\', \'supplement_400\')), CONSTRAINT "agreements_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "agreements_current_kind_key" ON "agreements"  ("kind") WHERE "retired_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "agreements_kind_version_key" ON "agreements"  ("kind", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_name" character varying(200) NOT NULL, "contact_name" character varying(100) NOT NULL, "email" character varying(254) NOT NULL, "mobile" character varying(11) NOT NULL, "password_hash" text NOT NULL, "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "customers_failed_logins_check" CHECK ("failed_logins" >= 0), CONSTRAINT "customers_email_check" CHECK ("email" = lower("email")), CONSTRAINT "customers_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "customers_email_key" ON "customers"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid, "dedupe_key" character varying(200) NOT NULL, "template" character varying(64) NOT NULL, "channel" character varying(16) NOT NULL DEFAULT \'email\', "recipient" character varying(254) NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "transport" character varying(16), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notifications_status_check" CHECK ("status" IN (\'pending\', \'sent\', \'failed\')), CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_order_idx" ON "notifications"  ("order_id", "created_at") ',
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_pending_idx" ON "notifications" ("created_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"  ("dedupe_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_no" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "customer_id" uuid NOT NULL, "number" character varying(10) COLLATE "C" NOT NULL, "status" character varying(24) NOT NULL, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "grade" character varying(16) NOT NULL, "selection_fee_fen" integer NOT NULL, "plan_id" uuid, "feature_ids" uuid array NOT NULL DEFAULT \'{}\', "price_lines" jsonb NOT NULL DEFAULT \'[]\', "total_fen" integer, "priced_at" TIMESTAMP WITH TIME ZONE, "hold_until" TIMESTAMP WITH TIME ZONE, "hold_extensions" integer NOT NULL DEFAULT \'0\', "documents_due_at" TIMESTAMP WITH TIME ZONE, "closed_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "orders_hold_extensions_check" CHECK ("hold_extensions" >= 0), CONSTRAINT "orders_money_check" CHECK ("selection_fee_fen" >= 0 AND ("total_fen" IS NULL OR "total_fen" >= 0)), CONSTRAINT "orders_hold_check" CHECK ("status" NOT IN (\'selecting\', \'awaiting_payment\') OR "hold_until" IS NOT NULL), CONSTRAINT "orders_status_check" CHECK ("status" IN (\'selecting\', \'awaiting_payment\', \'awaiting_documents\', \'under_review\', \'provisioning\', \'active\', \'expired\', \'cancelled\')), CONSTRAINT "orders_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "orders_order_no_key" ON "orders"  ("order_no") ');
    await queryRunner.query('CREATE INDEX "orders_status_idx" ON "orders"  ("status", "status_changed_at") ');
    await queryRunner.query(
      'CREATE INDEX "orders_documents_due_idx" ON "orders"  ("documents_due_at") WHERE "status" = \'awaiting_documents\'',
    );
    await queryRunner.query(
      'CREATE INDEX "orders_hold_until_idx" ON "orders"  ("hold_until") WHERE "status" IN (\'selecting\', \'awaiting_payment\')',
    );
    await queryRunner.query('CREATE INDEX "orders_customer_idx" ON "orders"  ("customer_id", "created_at") ');
    await queryRunner.query(
      "CREATE UNIQUE INDEX \"orders_live_number_key\" ON \"orders\"  (\"number\") WHERE \"status\" IN ('selecting', 'awaiting_payment', 'awaiting_documents', 'under_review', 'provisioning', 'active')",
    );
    await queryRunner.query(
      'CREATE TABLE "order_events" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "order_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "event" character varying(40), "from_status" character varying(24), "to_status" character varying(24), "actor" character varying(100) NOT NULL, "reason" text, "data" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "order_events_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "order_events_order_idx" ON "order_events"  ("order_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "order_signatures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "agreement_kind" character varying(32) NOT NULL, "agreement_version" integer NOT NULL, "agreement_sha256" character(64) NOT NULL, "signer_name" character varying(100) NOT NULL, "signer_title" character varying(100) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip" character varying(64), "user_agent" text, CONSTRAINT "order_signatures_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "order_signatures_order_agreement_key" ON "order_signatures"  ("order_id", "agreement_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "outbox_messages" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "job_name" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "run_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "outbox_messages_unpublished_idx" ON "outbox_messages"  ("id") WHERE "published_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_kind" character varying(16) NOT NULL, "account_id" uuid NOT NULL, "ip" character varying(64), "user_agent" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(64), CONSTRAINT "sessions_account_kind_check" CHECK ("account_kind" IN (\'customer\', \'staff\')), CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sessions_account_idx" ON "sessions"  ("account_kind", "account_id") WHERE "revoked_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "refresh_tokens_session_idx" ON "refresh_tokens"  ("session_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "staff_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "staff_members_failed_logins_check" CHECK ("failed_logins" >= 0), CONSTRAINT "staff_members_role_check" CHECK ("role" IN (\'sales\', \'reviewer\', \'admin\')), CONSTRAINT "staff_members_email_check" CHECK ("email" = lower("email")), CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "staff_members_email_key" ON "staff_members"  ("email") ');
    await queryRunner.query(
      'ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "orders" ADD CONSTRAINT "orders_number_fkey" FOREIGN KEY ("number") REFERENCES "numbers"("number") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "order_signatures" ADD CONSTRAINT "order_signatures_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "order_signatures" ADD CONSTRAINT "order_signatures_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Only when rows were inserted: a statement that adds none (a refused hold) must not wake
    // the relay, nor make its transaction flush to disk at commit for a NOTIFY. Provider
    // events are left to the relay's poll (OUTBOX_POLL_INTERVAL_MS): NOTIFYing commits take
    // a database-wide lock past their flush and so run one at a time, which would cap
    // webhook ingest at about 1,000 events/s on this class of machine.
    await queryRunner.query(`
      CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM inserted_rows WHERE job_name <> 'apply-webhook-event') THEN
          PERFORM pg_notify('outbox_inserted', '');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
      REFERENCING NEW TABLE AS inserted_rows
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "outbox_messages_notify" ON "outbox_messages"');
    await queryRunner.query('DROP FUNCTION "outbox_messages_notify"()');
    await queryRunner.query('ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_session_id_fkey"');
    await queryRunner.query(
      'ALTER TABLE "order_signatures" DROP CONSTRAINT "order_signatures_agreement_id_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "order_signatures" DROP CONSTRAINT "order_signatures_order_id_fkey"',
    );
    await queryRunner.query('ALTER TABLE "order_events" DROP CONSTRAINT "order_events_order_id_fkey"');
    await queryRunner.query('ALTER TABLE "orders" DROP CONSTRAINT "orders_number_fkey"');
    await queryRunner.query('ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_id_fkey"');
    await queryRunner.query('DROP INDEX "public"."staff_members_email_key"');
    await queryRunner.query('DROP TABLE "staff_members"');
    await queryRunner.query('DROP INDEX "public"."refresh_tokens_token_hash_key"');
    await queryRunner.query('DROP INDEX "public"."refresh_tokens_session_idx"');
    await queryRunner.query('DROP TABLE "refresh_tokens"');
    await queryRunner.query('DROP INDEX "public"."sessions_account_idx"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."outbox_messages_unpublished_idx"');
    await queryRunner.query('DROP TABLE "outbox_messages"');
    await queryRunner.query('DROP INDEX "public"."order_signatures_order_agreement_key"');
    await queryRunner.query('DROP TABLE "order_signatures"');
    await queryRunner.query('DROP INDEX "public"."order_events_order_idx"');
    await queryRunner.query('DROP TABLE "order_events"');
    await queryRunner.query('DROP INDEX "public"."orders_live_number_key"');
    await queryRunner.query('DROP INDEX "public"."orders_customer_idx"');
    await queryRunner.query('DROP INDEX "public"."orders_hold_until_idx"');
    await queryRunner.query('DROP INDEX "public"."orders_documents_due_idx"');
    await queryRunner.query('DROP INDEX "public"."orders_status_idx"');
    await queryRunner.query('DROP INDEX "public"."orders_order_no_key"');
    await queryRunner.query('DROP TABLE "orders"');
    await queryRunner.query('DROP INDEX "public"."notifications_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_dedupe_key_key"');
    await queryRunner.query('DROP INDEX "public"."notifications_order_idx"');
    await queryRunner.query('DROP TABLE "notifications"');
    await queryRunner.query('DROP INDEX "public"."customers_email_key"');
    await queryRunner.query('DROP TABLE "customers"');
    await queryRunner.query('DROP INDEX "public"."agreements_kind_version_key"');
    await queryRunner.query('DROP INDEX "public"."agreements_current_kind_key"');
    await queryRunner.query('DROP TABLE "agreements"');
  }
}
