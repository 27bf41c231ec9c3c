import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a refund succeeded, so that revenue nets it on that day whatever later touches the row. */
export class RefundSucceededAt1795834678594 implements MigrationInterface {
  name = 'RefundSucceededAt1795834678594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refunds" ADD "succeeded_at" TIMESTAMP WITH TIME ZONE');
    // Refunds that succeeded before: their last update is the best time known.
    await queryRunner.query(
      `UPDATE "refunds" SET "succeeded_at" = "updated_at" WHERE "status" = 'succeeded'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refunds" DROP COLUMN "succeeded_at"');
  }
}
