import { InitialSchema1795813556782 } from './1795813556782-initial-schema';
import { NumberEvents1795814802823 } from './1795814802823-number-events';
import { SearchSyncNotifications1795817339233 } from './1795817339233-search-sync-notifications';
import { NumberCheckWithoutRegex1795817393706 } from './1795817393706-number-check-without-regex';
import { Orders1795822363987 } from './1795822363987-orders';
import { Payments1795824612255 } from './1795824612255-payments';
import { Verification1795831203935 } from './1795831203935-verification';
import { BackOffice1795833987888 } from './1795833987888-back-office';
import { RefundSucceededAt1795834678594 } from './1795834678594-refund-succeeded-at';

// Every migration, in order. Listed explicitly (no glob) so the same list runs from
// TypeScript in tests and from dist/ in production.
export const MIGRATIONS = [
  InitialSchema1795813556782,
  NumberEvents1795814802823,
  SearchSyncNotifications1795817339233,
  NumberCheckWithoutRegex1795817393706,
  Orders1795822363987,
  Payments1795824612255,
  Verification1795831203935,
  BackOffice1795833987888,
  RefundSucceededAt1795834678594,
];

/** The table where TypeORM records applied migrations. */
export const MIGRATIONS_TABLE = 'typeorm_migrations';
