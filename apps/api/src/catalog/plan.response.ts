import { ApiProperty } from '@nestjs/swagger';
import { GRADE_CODES } from '@haoma/domain';
import { MoneyResponse } from './money.response';

/** One current plan version (套餐); orders reference it by `id` (code + version). */
export class PlanResponse {
  @ApiProperty({ type: String, format: 'uuid', description: 'This plan version; what an order points at' })
  id!: string;

  @ApiProperty({ type: String, example: 'standard' })
  code!: string;

  @ApiProperty({ type: Number, description: 'Version of the plan; a new price is a new version', example: 1 })
  version!: number;

  @ApiProperty({ type: String, example: 'Standard' })
  name!: string;

  @ApiProperty({ type: String, example: '标准套餐' })
  nameZh!: string;

  @ApiProperty({ type: () => MoneyResponse, description: 'Paid per year of the term' })
  annualFee!: MoneyResponse;

  @ApiProperty({ type: Number, description: 'Minimum contract length in months', example: 12 })
  termMonths!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'Price of one call minute' })
  perMinuteRate!: MoneyResponse;

  @ApiProperty({
    type: Number,
    description: 'Minutes the annual fee pays for (annual fee ÷ per-minute rate); unused minutes lapse',
    example: 8000,
  })
  includedMinutes!: number;

  @ApiProperty({ type: () => MoneyResponse, description: 'Least billed per month (annual fee ÷ 12)' })
  monthlyMinimum!: MoneyResponse;

  @ApiProperty({
    type: String,
    isArray: true,
    enum: GRADE_CODES,
    description: 'Number grades this plan may be sold with',
    example: ['standard', 'silver'],
  })
  allowedGrades!: string[];
}

export class PlanListResponse {
  @ApiProperty({ type: () => PlanResponse, isArray: true, description: 'Cheapest first' })
  plans!: PlanResponse[];
}
