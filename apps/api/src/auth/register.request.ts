import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import {
  COMPANY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSON_NAME_MAX_LENGTH,
} from '@haoma/domain';

// The DTO only checks types and caps absurd sizes; the accounts rules (libs/domain) check
// the content, so that every field at fault comes back with a stable code. A missing
// field is left to them too (IsOptional) and is reported as REQUIRED.
const HARD_CAP = 1_000;

/** A business registering. */
export class RegisterRequest {
  @ApiProperty({ type: String, maxLength: COMPANY_NAME_MAX_LENGTH, example: '上海号码科技有限公司' })
  @IsOptional()
  @IsString()
  @MaxLength(HARD_CAP)
  companyName?: string;

  @ApiProperty({ type: String, maxLength: PERSON_NAME_MAX_LENGTH, example: '李伟' })
  @IsOptional()
  @IsString()
  @MaxLength(HARD_CAP)
  contactName?: string;

  @ApiProperty({
    type: String,
    maxLength: EMAIL_MAX_LENGTH,
    description: 'The login; compared case-insensitively',
    example: 'li.wei@example.com',
  })
  @IsOptional()
  @IsString()
  @MaxLength(HARD_CAP)
  email?: string;

  @ApiProperty({
    type: String,
    description: 'Mainland China mobile number; spaces, dashes and +86 are accepted',
    example: '+86 138 0013 8000',
  })
  @IsOptional()
  @IsString()
  @MaxLength(HARD_CAP)
  mobile?: string;

  @ApiProperty({
    type: String,
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not all of one kind`,
    example: 'correct horse battery 9',
  })
  @IsOptional()
  @IsString()
  @MaxLength(HARD_CAP)
  password?: string;
}
