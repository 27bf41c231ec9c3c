import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  FUNNEL_GROUPINGS,
  MAX_REPORT_DAYS,
  REPORT_INTERVALS,
  type FunnelGrouping,
  type ReportInterval,
} from '@haoma/domain';
import {
  DEFAULT_OUTLOOK_LIMIT,
  MAX_OUTLOOK_DAYS,
  MAX_OUTLOOK_LIMIT,
  REVENUE_GROUPINGS,
  type RevenueGrouping,
} from '@haoma/reports';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `format`, which wins over the Accept header (`text/csv` asks for CSV). */
export class ReportFormatQuery {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'json (default) or csv; without it, `Accept: text/csv` asks for CSV',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** A period of whole China days; checked by the report (REPORT_PERIOD_INVALID). */
export class ReportPeriodQuery extends ReportFormatQuery {
  @ApiProperty({ type: String, example: '2026-01-01', description: 'First day, YYYY-MM-DD (Asia/Shanghai)' })
  @IsString()
  @MaxLength(10)
  from!: string;

  @ApiProperty({
    type: String,
    example: '2026-01-31',
    description: `Last day, included, YYYY-MM-DD (Asia/Shanghai); at most ${MAX_REPORT_DAYS} days from \`from\``,
  })
  @IsString()
  @MaxLength(10)
  to!: string;
}

export class FunnelQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: FUNNEL_GROUPINGS, default: 'none' })
  @IsOptional()
  @IsIn(FUNNEL_GROUPINGS)
  by?: FunnelGrouping;
}

export class RevenueQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: REPORT_INTERVALS, default: 'day', description: 'Buckets in China time' })
  @IsOptional()
  @IsIn(REPORT_INTERVALS)
  interval?: ReportInterval;

  @ApiPropertyOptional({ enum: REVENUE_GROUPINGS, default: 'none' })
  @IsOptional()
  @IsIn(REVENUE_GROUPINGS)
  by?: RevenueGrouping;
}

export class ComplianceOutlookQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_OUTLOOK_DAYS, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OUTLOOK_DAYS)
  days?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: MAX_OUTLOOK_LIMIT,
    default: DEFAULT_OUTLOOK_LIMIT,
    description: 'Most rows listed (earliest first); `total` says how many there are',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OUTLOOK_LIMIT)
  limit?: number;
}
