// PostgreSQL's unique_violation.
const UNIQUE_VIOLATION = '23505';

/**
 * Whether `error` is a unique violation of `constraint` (the name of the unique index), as
 * TypeORM wraps the driver's error (QueryFailedError with `driverError`) or as pg raises it.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  const driver = (e.driverError ?? e) as { code?: unknown; constraint?: unknown };
  return driver.code === UNIQUE_VIOLATION && driver.constraint === constraint;
}
