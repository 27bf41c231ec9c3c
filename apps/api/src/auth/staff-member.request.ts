import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@haoma/db';
import { PASSWORD_MIN_LENGTH } from '@haoma/domain';
import { PageQuery } from '../common/page.request';

/** A new staff member, created by an admin. */
export class CreateStaffMemberRequest {
  @ApiProperty({ type: String, example: 'wang.fang@haoma.cn' })
  @IsString()
  @MaxLength(1_000)
  email!: string;

  @ApiProperty({ type: String, example: '王芳' })
  @IsString()
  @MaxLength(1_000)
  name!: string;

  @ApiProperty({ type: String, enum: STAFF_ROLES, example: 'sales' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiPropertyOptional({
    type: String,
    description:
      `Initial password: at least ${PASSWORD_MIN_LENGTH} characters, not all of one kind. ` +
      'Left out: an invitation, answered once with a generated one-time password to hand over.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  password?: string;
}

/** A staff member's new role. */
export class ChangeStaffRoleRequest {
  @ApiProperty({ type: String, enum: STAFF_ROLES, example: 'reviewer' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

/** A page of the staff list. */
export class StaffListQuery extends PageQuery {}
