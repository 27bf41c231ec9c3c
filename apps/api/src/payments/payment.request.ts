import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAYMENT_PAGE = 20;
export const MAX_PAYMENT_PAGE = 100;

export class ListPaymentsQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PAYMENT_PAGE, default: DEFAULT_PAYMENT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAYMENT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ type: String, description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
