import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications that keep the API's in-memory search index in line with the numbers table:
 * - numbers_changed (payload: the number) after any change of a row's status, hold, grade,
 *   tags or fee, and after a row is deleted; listeners re-read the row, so the table stays
 *   the only truth (a row gone is dropped from the index);
 * - numbers_inserted once per INSERT, COPY or TRUNCATE statement (not per row, so bulk
 *   imports stay fast); listeners reload.
 */
export class SearchSyncNotifications1795817339233 implements MigrationInterface {
  name = 'SearchSyncNotifications1795817339233';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION numbers_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('numbers_changed', COALESCE(NEW.number, OLD.number));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER numbers_changed_notify
        AFTER UPDATE OF status, held_until, grade, tags, selection_fee_fen ON numbers
        FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status
           OR OLD.held_until IS DISTINCT FROM NEW.held_until
           OR OLD.grade IS DISTINCT FROM NEW.grade
           OR OLD.tags IS DISTINCT FROM NEW.tags
           OR OLD.selection_fee_fen IS DISTINCT FROM NEW.selection_fee_fen)
        EXECUTE FUNCTION numbers_notify_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER numbers_deleted_notify
        AFTER DELETE ON numbers
        FOR EACH ROW
        EXECUTE FUNCTION numbers_notify_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION numbers_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('numbers_inserted', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER numbers_inserted_notify
        AFTER INSERT ON numbers
        FOR EACH STATEMENT
        EXECUTE FUNCTION numbers_notify_inserted()`);
    await queryRunner.query(`
      CREATE TRIGGER numbers_truncated_notify
        AFTER TRUNCATE ON numbers
        FOR EACH STATEMENT
        EXECUTE FUNCTION numbers_notify_inserted()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER numbers_truncated_notify ON numbers`);
    await queryRunner.query(`DROP TRIGGER numbers_inserted_notify ON numbers`);
    await queryRunner.query(`DROP FUNCTION numbers_notify_inserted()`);
    await queryRunner.query(`DROP TRIGGER numbers_deleted_notify ON numbers`);
    await queryRunner.query(`DROP TRIGGER numbers_changed_notify ON numbers`);
    await queryRunner.query(`DROP FUNCTION numbers_notify_changed()`);
  }
}
