import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@haoma/db';

/** Metadata key of the access rule every route declares; the global guard refuses routes without one. */
export const ACCESS_RULE = 'haoma:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'customer' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /** Any logged-in account (customer or staff), e.g. logout. */
  | { kind: 'authenticated' };

/** Anyone, logged in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** A logged-in business customer. */
export const CustomerOnly = () => SetMetadata(ACCESS_RULE, { kind: 'customer' } satisfies AccessRule);
/** Staff with one of `roles` (none given: any staff role). */
export const StaffOnly = (...roles: StaffRole[]) =>
  SetMetadata(ACCESS_RULE, {
    kind: 'staff',
    roles: roles.length ? roles : ['sales', 'reviewer', 'admin'],
  } satisfies AccessRule);
/** Any logged-in account. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);
