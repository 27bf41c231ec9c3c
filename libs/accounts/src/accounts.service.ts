import type { DataSource } from 'typeorm';
import type { AccountKind, StaffRole } from '@haoma/db';
import type { RegistrationInput } from '@haoma/domain';
import { AccountError } from './account-errors';
import { loadProfile, type AccountProfile } from './account-profile';
import { signAccessToken, verifyAccessToken } from './access-token';
import type { AuthPolicy } from './auth-policy';
import { registerCustomer } from './customers';
import { logIn } from './login';
import { verifyDummyPassword } from './password-hash';
import {
  revokeSession,
  rotateRefreshToken,
  sessionState,
  type ClientInfo,
  type OpenedSession,
} from './sessions';
import { createStaffMember, deactivateStaffMember, type NewStaffMember } from './staff-members';

/** What a login, a registration or a refresh hands the client. */
export interface IssuedSession {
  readonly account: AccountProfile;
  readonly sessionId: string;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  /** The session's absolute end: no refresh goes past it. */
  readonly refreshTokenExpiresAt: Date;
}

/** Who an access token authenticates, once its session has been checked. */
export interface AuthenticatedPrincipal {
  readonly kind: AccountKind;
  readonly id: string;
  readonly role: StaffRole | null;
  readonly sessionId: string;
}

/**
 * Accounts and sessions over one DataSource and policy: the API's auth endpoints and its
 * access guard go through here. `clock` is injectable so lock-outs and expiries can be
 * tested without waiting.
 */
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    readonly policy: AuthPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Makes the dummy hash now, so the first login to an unknown email is not slower. */
  async warmUp(): Promise<void> {
    await verifyDummyPassword('', this.policy.scrypt);
  }

  async register(input: RegistrationInput, client: ClientInfo = {}): Promise<IssuedSession> {
    const { profile, opened } = await registerCustomer(this.dataSource, input, {
      client,
      now: this.clock(),
      sessionTtlMs: this.policy.sessionTtlMs,
      scrypt: this.policy.scrypt,
    });
    return this.issue(profile, opened);
  }

  async login(
    kind: AccountKind,
    email: string,
    password: string,
    client: ClientInfo = {},
  ): Promise<IssuedSession> {
    const { profile, opened } = await logIn(
      this.dataSource,
      kind,
      { email, password },
      {
        client,
        now: this.clock(),
        sessionTtlMs: this.policy.sessionTtlMs,
        lockout: this.policy.lockout,
        scrypt: this.policy.scrypt,
      },
    );
    return this.issue(profile, opened);
  }

  /** Rotates a refresh token: the next pair, or a refusal (a reused token revokes the session). */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const now = this.clock();
    const result = await rotateRefreshToken(this.dataSource, refreshToken, now);
    if (!result.ok)
      throw new AccountError(
        result.code,
        result.reused
          ? 'This refresh token was used before: the session has been closed. Log in again.'
          : result.code === 'SESSION_REVOKED'
            ? 'The session has been closed. Log in again.'
            : 'The refresh token is unknown or has expired. Log in again.',
      );
    // The role is read afresh, so a change reaches the next access token.
    const profile = await loadProfile(this.dataSource.manager, result.opened.session.account);
    if (!profile?.active) {
      await revokeSession(this.dataSource.manager, result.opened.session.id, 'account_deactivated', now);
      throw new AccountError('SESSION_REVOKED', 'The session has been closed. Log in again.');
    }
    return this.issue(profile, result.opened);
  }

  /** Ends a session (logout); harmless when it has ended already. */
  async logout(sessionId: string): Promise<void> {
    await revokeSession(this.dataSource.manager, sessionId, 'logout', this.clock());
  }

  /**
   * Who `accessToken` authenticates: a valid signature, not expired (TOKEN_EXPIRED), and
   * its session still live (SESSION_REVOKED), checked on every call.
   */
  async authenticate(accessToken: string): Promise<AuthenticatedPrincipal> {
    const now = this.clock();
    const check = verifyAccessToken(accessToken, this.policy.secret, now);
    if (!check.ok)
      throw check.reason === 'expired'
        ? new AccountError('TOKEN_EXPIRED', 'The access token has expired: refresh it.')
        : new AccountError('UNAUTHENTICATED', 'The access token is not valid.');
    const { claims } = check;
    const state = await sessionState(
      this.dataSource.manager,
      claims.sid,
      { kind: claims.kind, id: claims.sub },
      now,
    );
    if (state !== 'live') throw new AccountError('SESSION_REVOKED', 'The session has ended. Log in again.');
    return { kind: claims.kind, id: claims.sub, role: claims.role, sessionId: claims.sid };
  }

  /** The account behind an authenticated request. */
  async profile(kind: AccountKind, id: string): Promise<AccountProfile> {
    const profile = await loadProfile(this.dataSource.manager, { kind, id });
    if (!profile) throw new AccountError('SESSION_REVOKED', 'The account no longer exists.');
    return profile;
  }

  createStaffMember(member: NewStaffMember): Promise<AccountProfile> {
    return createStaffMember(this.dataSource, member, { scrypt: this.policy.scrypt, now: this.clock() });
  }

  deactivateStaffMember(staffId: string): Promise<AccountProfile> {
    return deactivateStaffMember(this.dataSource, staffId, { now: this.clock() });
  }

  private issue(account: AccountProfile, opened: OpenedSession): IssuedSession {
    const iat = Math.floor(this.clock().getTime() / 1000);
    const exp = iat + Math.max(1, Math.floor(this.policy.accessTokenTtlMs / 1000));
    const accessToken = signAccessToken(
      { sub: account.id, kind: account.kind, role: account.role, sid: opened.session.id, iat, exp },
      this.policy.secret,
    );
    return {
      account,
      sessionId: opened.session.id,
      accessToken,
      accessTokenExpiresAt: new Date(exp * 1000),
      refreshToken: opened.refreshToken,
      refreshTokenExpiresAt: opened.session.expiresAt,
    };
  }
}
