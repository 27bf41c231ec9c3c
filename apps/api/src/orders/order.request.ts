import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AGREEMENT_KINDS, type AgreementKind } from '@haoma/db';
import { ORDER_STATUSES, type OrderStatus } from '@haoma/domain';
import { PageQuery } from '../common/page.request';

/** Catalog codes as the catalog writes them (`business`, `missed_call_sms`). */
const CATALOG_CODE = /^[a-z][a-z0-9_]{0,31}$/;
// Printable text without control characters, for names kept on legal records.
const PLAIN_TEXT = /^[^\p{Cc}]*\S[^\p{Cc}]*$/u;

/** Hold a number and open an order for it. */
export class CreateOrderRequest {
  @ApiProperty({
    type: String,
    description: 'The number as people write it: 4008208888, 400-820-8888, +86 400 820 8888…',
    example: '400-820-8888',
  })
  @IsString()
  @MaxLength(40)
  number!: string;
}

/** The plan and features of an order, by code; the server prices them (prices sent are refused). */
export class SelectionRequest {
  @ApiProperty({
    type: String,
    description: 'Code of a plan on sale (GET /api/v1/plans)',
    example: 'business',
  })
  @IsString()
  @Matches(CATALOG_CODE, { message: 'planCode must be a catalog code such as "business"' })
  planCode!: string;

  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Codes of features on sale (GET /api/v1/features), each once; may be empty',
    example: ['ivr', 'recording'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(CATALOG_CODE, { each: true, message: 'each feature code must be a catalog code such as "ivr"' })
  featureCodes!: string[];
}

export class CancelOrderRequest {
  @ApiPropertyOptional({ type: String, maxLength: 500, example: 'Chose another number' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(PLAIN_TEXT, { message: 'reason must be printable text' })
  reason?: string;
}

/** An agreement version the signer was shown. */
export class AgreementRefRequest {
  @ApiProperty({ type: String, enum: AGREEMENT_KINDS, example: 'service' })
  @IsIn(AGREEMENT_KINDS)
  kind!: AgreementKind;

  @ApiProperty({ type: Number, minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

/** Sign the current agreements for an order. */
export class SignatureRequest {
  @ApiProperty({ type: String, maxLength: 100, example: '李伟' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'signerName must be printable text' })
  signerName!: string;

  @ApiProperty({ type: String, maxLength: 100, example: '总经理' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'signerTitle must be printable text' })
  signerTitle!: string;

  @ApiProperty({
    type: () => AgreementRefRequest,
    isArray: true,
    description: 'The versions shown to the signer: the current one of every kind (GET /api/v1/agreements)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AGREEMENT_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => AgreementRefRequest)
  agreements!: AgreementRefRequest[];
}

export class ListOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, enum: ORDER_STATUSES, description: 'Only orders in this status' })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;
}
