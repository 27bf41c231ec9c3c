import { InitialSchema1795813556782 } from './1795813556782-initial-schema';

// Every migration, in order. Listed explicitly (no glob) so the same list runs from
// TypeScript in tests and from dist/ in production.
export const MIGRATIONS = [InitialSchema1795813556782];

/** The table where TypeORM records applied migrations. */
export const MIGRATIONS_TABLE = 'typeorm_migrations';
