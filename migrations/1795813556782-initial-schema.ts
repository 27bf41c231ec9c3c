import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inventory and the catalog. Generated from the entities, then reviewed:
 * - numbers: one row per number with status, holder and expiry on it, so a number can never
 *   be held for two orders at once; CHECKs tie status to holder and expiry; C collation on
 *   the key so prefix searches use it.
 * - plans / features: versioned rows (code, version), one current version per code.
 * - grading_rule_sets: the vanity grading rules as data, exactly one active.
 * - inventory_imports: progress and outcome of every bulk import.
 */
export class InitialSchema1795813556782 implements MigrationInterface {
  name = 'InitialSchema1795813556782';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "numbers" (
        "number" character varying(10) COLLATE "C" NOT NULL,
        "block" character varying(4) NOT NULL,
        "carrier" character varying(16) NOT NULL,
        "grade" character varying(16) NOT NULL,
        "tags" text array NOT NULL DEFAULT '{}',
        "explanation" text NOT NULL,
        "selection_fee_fen" integer NOT NULL,
        "grading_version" integer NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'available',
        "holder_order_id" uuid,
        "held_until" TIMESTAMP WITH TIME ZONE,
        "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "numbers_fee_check" CHECK ("selection_fee_fen" >= 0),
        CONSTRAINT "numbers_hold_expiry_check" CHECK (("status" = 'held') = ("held_until" IS NOT NULL)),
        CONSTRAINT "numbers_holder_check" CHECK (("status" IN ('held', 'locked', 'assigned', 'suspended')) = ("holder_order_id" IS NOT NULL)),
        CONSTRAINT "numbers_number_check" CHECK ("number" ~ '^400[0-9]{7}$' AND "block" = left("number", 4)),
        CONSTRAINT "numbers_status_check" CHECK ("status" IN ('available', 'held', 'locked', 'assigned', 'suspended', 'quarantine', 'retired')),
        CONSTRAINT "numbers_pkey" PRIMARY KEY ("number")
      )`);
    await queryRunner.query(
      `CREATE INDEX "numbers_held_until_idx" ON "numbers" ("held_until") WHERE "status" = 'held'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "numbers_holder_order_id_key" ON "numbers" ("holder_order_id") WHERE "holder_order_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "plans" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" character varying(32) NOT NULL,
        "version" integer NOT NULL,
        "name" character varying(100) NOT NULL,
        "name_zh" character varying(100) NOT NULL,
        "annual_fee_fen" integer NOT NULL,
        "term_months" integer NOT NULL,
        "per_minute_fen" integer NOT NULL,
        "included_minutes" integer NOT NULL,
        "monthly_minimum_fen" integer NOT NULL,
        "allowed_grades" text array NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "retired_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "plans_term_check" CHECK ("term_months" > 0 AND "included_minutes" >= 0 AND "version" > 0),
        CONSTRAINT "plans_money_check" CHECK ("annual_fee_fen" >= 0 AND "per_minute_fen" > 0 AND "monthly_minimum_fen" >= 0),
        CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "plans_current_code_key" ON "plans" ("code") WHERE "retired_at" IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "plans_code_version_key" ON "plans" ("code", "version")`);

    await queryRunner.query(`
      CREATE TABLE "features" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" character varying(32) NOT NULL,
        "version" integer NOT NULL,
        "name" character varying(100) NOT NULL,
        "name_zh" character varying(100) NOT NULL,
        "description" text NOT NULL,
        "annual_fee_fen" integer NOT NULL,
        "excludes" text array NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "retired_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "features_fee_check" CHECK ("annual_fee_fen" >= 0 AND "version" > 0),
        CONSTRAINT "features_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "features_current_code_key" ON "features" ("code") WHERE "retired_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "features_code_version_key" ON "features" ("code", "version")`,
    );

    await queryRunner.query(`
      CREATE TABLE "grading_rule_sets" (
        "version" integer NOT NULL,
        "rules" jsonb NOT NULL,
        "active" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "grading_rule_sets_pkey" PRIMARY KEY ("version")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "grading_rule_sets_active_key" ON "grading_rule_sets" ("active") WHERE "active"`,
    );

    await queryRunner.query(`
      CREATE TABLE "inventory_imports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "source" text NOT NULL,
        "started_by" character varying(100) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'running',
        "lines_read" integer NOT NULL DEFAULT '0',
        "added" integer NOT NULL DEFAULT '0',
        "skipped" integer NOT NULL DEFAULT '0',
        "rejected" integer NOT NULL DEFAULT '0',
        "rejections" jsonb NOT NULL DEFAULT '[]',
        "error" text,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "inventory_imports_status_check" CHECK ("status" IN ('running', 'succeeded', 'failed')),
        CONSTRAINT "inventory_imports_pkey" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inventory_imports"`);
    await queryRunner.query(`DROP TABLE "grading_rule_sets"`);
    await queryRunner.query(`DROP TABLE "features"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP TABLE "numbers"`);
  }
}
