import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page.request';

// Printable text without control characters or white space (action names, target types, ids).
const TOKEN = /^[^\p{Cc}\s]+$/u;

/** Filters of the audit log (combined with AND) and the page. */
export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'The acting staff member (or customer)' })
  @IsOptional()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({ type: String, example: 'order.note_added' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(TOKEN)
  action?: string;

  @ApiPropertyOptional({ type: String, example: 'order' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(TOKEN)
  targetType?: string;

  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(TOKEN)
  targetId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Rows at or after this instant' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Rows before this instant' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}
