import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { EMAIL_MAX_LENGTH } from '@haoma/domain';

/** Email and password, for a customer or a staff login. */
export class LoginRequest {
  @ApiProperty({ type: String, example: 'li.wei@example.com' })
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH * 2)
  email!: string;

  @ApiProperty({ type: String, example: 'correct horse battery 9' })
  @IsString()
  @MaxLength(1_000)
  password!: string;
}

/** A refresh token to exchange for the next pair. */
export class RefreshRequest {
  @ApiProperty({ type: String, description: 'The `refreshToken` of the last login or refresh' })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}
