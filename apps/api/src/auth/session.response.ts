import { ApiProperty } from '@nestjs/swagger';
import type { AccountProfile, IssuedSession } from '@haoma/accounts';
import { ACCOUNT_KINDS, STAFF_ROLES, type AccountKind, type StaffRole } from '@haoma/db';

/** A customer or staff account, one shape for both. */
export class AccountResponse {
  @ApiProperty({ type: String, enum: ACCOUNT_KINDS, example: 'customer' })
  kind!: AccountKind;

  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, example: 'li.wei@example.com' })
  email!: string;

  @ApiProperty({
    type: String,
    description: "The customer's contact name, or the staff member's name",
    example: '李伟',
  })
  name!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Customers only',
    example: '上海号码科技有限公司',
  })
  companyName!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Customers only: 11 digits',
    example: '13800138000',
  })
  mobile!: string | null;

  @ApiProperty({ type: String, enum: STAFF_ROLES, nullable: true, description: 'Staff only' })
  role!: StaffRole | null;

  @ApiProperty({ type: Boolean, description: 'False for deactivated staff' })
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export function toAccountResponse(profile: AccountProfile): AccountResponse {
  return {
    kind: profile.kind,
    id: profile.id,
    email: profile.email,
    name: profile.name,
    companyName: profile.companyName,
    mobile: profile.mobile,
    role: profile.role,
    active: profile.active,
    createdAt: profile.createdAt.toISOString(),
  };
}

/** What a registration, a login or a refresh returns. */
export class SessionResponse {
  @ApiProperty({ type: () => AccountResponse })
  account!: AccountResponse;

  @ApiProperty({ type: String, enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ type: String, description: 'Send as `Authorization: Bearer <accessToken>`; short-lived' })
  accessToken!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  accessTokenExpiresAt!: string;

  @ApiProperty({
    type: String,
    description:
      'Exchange at POST /api/v1/auth/refresh for the next pair; works once (a reuse ends the session)',
  })
  refreshToken!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'End of the session: log in again after it',
  })
  refreshTokenExpiresAt!: string;
}

export function toSessionResponse(issued: IssuedSession): SessionResponse {
  return {
    account: toAccountResponse(issued.account),
    tokenType: 'Bearer',
    accessToken: issued.accessToken,
    accessTokenExpiresAt: issued.accessTokenExpiresAt.toISOString(),
    refreshToken: issued.refreshToken,
    refreshTokenExpiresAt: issued.refreshTokenExpiresAt.toISOString(),
  };
}
