import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AGREEMENT_KINDS } from '@haoma/db';
import { GRADE_CODES } from '@haoma/domain';

const MAX_INT = 2_147_483_647;

/** Why an admin did something: kept in number_events and the audit log. */
export class ReasonRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 500, example: 'Customer complaint, checked by ops' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class NumberPriceRequest extends ReasonRequest {
  @ApiProperty({ type: Number, minimum: 0, example: 880000, description: 'Selection fee in fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  feeFen!: number;
}

export class GradingRulesRequest {
  @ApiProperty({
    type: Object,
    description: 'Grading rules as data (libs/domain GradingRules); `version` is assigned by the server',
  })
  @IsObject()
  rules!: Record<string, unknown>;
}

export class PlanVersionRequest {
  @ApiProperty({ type: String, example: 'standard' }) @IsString() @MaxLength(32) code!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(100) nameZh!: string;
  @ApiProperty({ type: Number, minimum: 0 }) @IsInt() @Min(0) @Max(MAX_INT) annualFeeFen!: number;
  @ApiProperty({ type: Number, minimum: 1 }) @IsInt() @Min(1) @Max(120) termMonths!: number;
  @ApiProperty({ type: Number, minimum: 1 }) @IsInt() @Min(1) @Max(MAX_INT) perMinuteFen!: number;
  @ApiPropertyOptional({ type: Number, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  includedMinutes?: number;
  @ApiPropertyOptional({ type: Number, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  monthlyMinimumFen?: number;
  @ApiProperty({ type: String, isArray: true, enum: GRADE_CODES })
  @IsArray()
  @ArrayMaxSize(GRADE_CODES.length)
  @IsIn(GRADE_CODES, { each: true })
  allowedGrades!: string[];
  @ApiPropertyOptional({ type: Number, description: 'The version edited: refused if another came since' })
  @IsOptional()
  @IsInt()
  @Min(0)
  basedOnVersion?: number;
}

export class FeatureVersionRequest {
  @ApiProperty({ type: String, example: 'ivr' }) @IsString() @MaxLength(32) code!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(100) nameZh!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(2_000) description!: string;
  @ApiProperty({ type: Number, minimum: 0 }) @IsInt() @Min(0) @Max(MAX_INT) annualFeeFen!: number;
  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  excludes?: string[];
  @ApiPropertyOptional({ type: Number }) @IsOptional() @IsInt() @Min(0) basedOnVersion?: number;
}

export class AgreementVersionRequest {
  @ApiProperty({ type: String, enum: AGREEMENT_KINDS }) @IsIn(AGREEMENT_KINDS) kind!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiProperty({ type: String }) @IsString() @MinLength(1) @MaxLength(200_000) body!: string;
  @ApiPropertyOptional({ type: Number }) @IsOptional() @IsInt() @Min(0) basedOnVersion?: number;
}
