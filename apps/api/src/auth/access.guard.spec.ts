import type { AuthenticatedPrincipal } from '@haoma/accounts';
import type { AccessRule } from './access.decorator';
import { allows, bearerToken } from './access.guard';

const principal = (
  kind: 'customer' | 'staff',
  role: AuthenticatedPrincipal['role'] = null,
): AuthenticatedPrincipal => ({
  kind,
  id: 'a',
  role,
  sessionId: 's',
});

describe('allows', () => {
  const customer = principal('customer');
  const sales = principal('staff', 'sales');
  const reviewer = principal('staff', 'reviewer');
  const admin = principal('staff', 'admin');
  const anyStaff: AccessRule = { kind: 'staff', roles: ['sales', 'reviewer', 'admin'] };
  const adminOnly: AccessRule = { kind: 'staff', roles: ['admin'] };
  const reviewers: AccessRule = { kind: 'staff', roles: ['reviewer', 'admin'] };

  it.each<[string, AccessRule, AuthenticatedPrincipal, boolean]>([
    ['customer rule, customer', { kind: 'customer' }, customer, true],
    ['customer rule, admin', { kind: 'customer' }, admin, false],
    ['authenticated, customer', { kind: 'authenticated' }, customer, true],
    ['authenticated, sales', { kind: 'authenticated' }, sales, true],
    ['any staff, customer', anyStaff, customer, false],
    ['any staff, sales', anyStaff, sales, true],
    ['admin only, sales', adminOnly, sales, false],
    ['admin only, reviewer', adminOnly, reviewer, false],
    ['admin only, admin', adminOnly, admin, true],
    ['reviewers, reviewer', reviewers, reviewer, true],
    ['reviewers, sales', reviewers, sales, false],
    ['staff rule, staff without role', anyStaff, principal('staff', null), false],
  ])('%s → %s', (_, rule, who, expected) => {
    expect(allows(rule, who)).toBe(expected);
  });
});

describe('bearerToken', () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['Bearer', undefined],
    ['Bearer ', undefined],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer a.b.c', 'a.b.c'],
    ['bearer a.b.c', 'a.b.c'],
    ['Bearer   eyJ0.eyJ1.c2ln  ', 'eyJ0.eyJ1.c2ln'],
    ['Bearer a.b.c d', undefined],
    ['Bearer a,b', undefined],
    ['Bearer abc==', 'abc=='],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
