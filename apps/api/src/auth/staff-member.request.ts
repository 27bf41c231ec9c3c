import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@haoma/db';
import { PASSWORD_MIN_LENGTH } from '@haoma/domain';

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

  @ApiProperty({
    type: String,
    description: `Initial password: at least ${PASSWORD_MIN_LENGTH} characters, not all of one kind`,
  })
  @IsString()
  @MaxLength(1_000)
  password!: string;
}

export const STAFF_PAGE_DEFAULT = 20;
export const STAFF_PAGE_MAX = 100;

/** A page of the staff list. */
export class StaffListQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: STAFF_PAGE_MAX, default: STAFF_PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(STAFF_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ type: String, description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
