export { AccountError, ACCOUNT_ERROR_CODES, validationFailed, type AccountErrorCode } from './account-errors';
export { ACCOUNT_TABLES, loadProfile, type AccountProfile } from './account-profile';
export {
  MAX_ACCESS_TOKEN_LENGTH,
  signAccessToken,
  verifyAccessToken,
  type AccessTokenCheck,
  type AccessTokenClaims,
} from './access-token';
export { AccountsService, type AuthenticatedPrincipal, type IssuedSession } from './accounts.service';
export { authPolicy, scryptParamsFor, type AuthPolicy } from './auth-policy';
export { registerCustomer, type RegistrationOptions } from './customers';
export { logIn, type LoginOptions } from './login';
export {
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  SCRYPT_TEST_PARAMS,
  verifyDummyPassword,
  verifyPassword,
  type ScryptParams,
} from './password-hash';
export {
  hashRefreshToken,
  openSession,
  purgeEndedSessions,
  revokeAccountSessions,
  revokeSession,
  rotateRefreshToken,
  sessionState,
  SESSION_REVOKE_REASONS,
  type AccountRef,
  type ClientInfo,
  type OpenedSession,
  type RotationResult,
  type SessionRecord,
  type SessionRevokeReason,
  type SessionState,
} from './sessions';
export {
  createStaffMember,
  deactivateStaffMember,
  findStaffMemberByEmail,
  listStaffMembers,
  type NewStaffMember,
  type StaffPagePosition,
} from './staff-members';
export {
  changeStaffRole,
  deactivateStaffMemberAudited,
  inviteStaffMember,
  oneTimePassword,
  StaffAdminError,
} from './staff-admin';
