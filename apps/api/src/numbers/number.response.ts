import { ApiProperty } from '@nestjs/swagger';
import {
  CARRIER_CODES,
  GRADE_CODES,
  GROUPINGS,
  MATCH_POSITIONS,
  PARSE_ERROR_CODES,
  PATTERN_TAGS,
  type Grouping,
  type MatchPosition,
  type ParseErrorCode,
} from '@haoma/domain';
import { MoneyResponse } from '../catalog/money.response';

/** Whether a number can be bought now; `taken` deliberately hides why (sold, suspended, retired…). */
export const AVAILABILITIES = ['available', 'held', 'taken'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export class CarrierResponse {
  @ApiProperty({ type: String, enum: CARRIER_CODES, example: 'telecom' })
  code!: string;

  @ApiProperty({ type: String, example: 'China Telecom' })
  name!: string;

  @ApiProperty({ type: String, example: '中国电信' })
  nameZh!: string;
}

export class GradeResponse {
  @ApiProperty({ type: String, enum: GRADE_CODES, example: 'gold' })
  code!: string;

  @ApiProperty({ type: String, example: 'Gold' })
  name!: string;

  @ApiProperty({ type: String, example: '金号' })
  nameZh!: string;
}

export class PatternTagResponse {
  @ApiProperty({ type: String, enum: PATTERN_TAGS, example: 'AAAA' })
  tag!: string;

  @ApiProperty({
    type: String,
    enum: MATCH_POSITIONS,
    description: '`tail` when the pattern ends the number',
    example: 'tail',
  })
  position!: MatchPosition;
}

/** The plan a number needs at least: the cheapest current plan allowed for its grade. */
export class PlanSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, example: 'business' })
  code!: string;

  @ApiProperty({ type: Number, example: 1 })
  version!: number;

  @ApiProperty({ type: String, example: 'Business' })
  name!: string;

  @ApiProperty({ type: String, example: '商务套餐' })
  nameZh!: string;

  @ApiProperty({ type: () => MoneyResponse })
  annualFee!: MoneyResponse;
}

/** What the shop tells about a number, whatever its availability. */
export class NumberSummaryResponse {
  @ApiProperty({ type: String, description: 'The canonical 10 digits', example: '4008208888' })
  digits!: string;

  @ApiProperty({ type: String, description: 'Standard 3-3-4 display form', example: '400-820-8888' })
  display!: string;

  @ApiProperty({
    type: String,
    enum: GROUPINGS,
    description: 'The grouping that shows the pattern off best',
    example: '3-3-4',
  })
  grouping!: Grouping;

  @ApiProperty({
    type: String,
    description: 'The number written in that grouping',
    example: '400-820-8888',
  })
  patternDisplay!: string;

  @ApiProperty({ type: String, example: '4008' })
  block!: string;

  @ApiProperty({ type: () => CarrierResponse })
  carrier!: CarrierResponse;

  @ApiProperty({ type: () => GradeResponse })
  grade!: GradeResponse;

  @ApiProperty({ type: () => PatternTagResponse, isArray: true })
  tags!: PatternTagResponse[];

  @ApiProperty({ type: String, description: 'Why the number has its grade', example: 'tail AAAA 8888' })
  explanation!: string;

  @ApiProperty({ type: () => MoneyResponse, description: 'One-off fee for choosing this number' })
  selectionFee!: MoneyResponse;

  @ApiProperty({
    type: () => PlanSummaryResponse,
    nullable: true,
    description: 'Cheapest current plan allowed for the grade; null if no current plan allows it',
  })
  cheapestPlan!: PlanSummaryResponse | null;
}

export class NumberResponse extends NumberSummaryResponse {
  @ApiProperty({ type: String, enum: AVAILABILITIES, example: 'available' })
  availability!: Availability;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a held number is released unless its order goes ahead; null unless held',
  })
  heldUntil!: string | null;
}

/** The 400 answer to a number that cannot be read: the envelope plus the parse reason. */
export class InvalidNumberErrorResponse {
  @ApiProperty({ type: Number, example: 400 })
  statusCode!: number;

  @ApiProperty({ type: String, enum: ['INVALID_NUMBER'], example: 'INVALID_NUMBER' })
  code!: 'INVALID_NUMBER';

  @ApiProperty({ type: String, example: 'A 400 number has 10 digits; this one has 9.' })
  message!: string;

  @ApiProperty({ type: String, enum: PARSE_ERROR_CODES, example: 'TOO_SHORT' })
  reason!: ParseErrorCode;
}
