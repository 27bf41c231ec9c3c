import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from './money.response';

/** One current feature add-on version (功能); orders reference it by `id` (code + version). */
export class FeatureResponse {
  @ApiProperty({ type: String, format: 'uuid', description: 'This feature version; what an order points at' })
  id!: string;

  @ApiProperty({ type: String, example: 'ivr' })
  code!: string;

  @ApiProperty({ type: Number, example: 1 })
  version!: number;

  @ApiProperty({ type: String, example: 'IVR voice menu' })
  name!: string;

  @ApiProperty({ type: String, example: '语音导航' })
  nameZh!: string;

  @ApiProperty({ type: String })
  description!: string;

  @ApiProperty({ type: () => MoneyResponse })
  annualFee!: MoneyResponse;

  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Codes of features that cannot be ordered together with this one',
    example: ['ringback'],
  })
  excludes!: string[];
}

export class FeatureListResponse {
  @ApiProperty({ type: () => FeatureResponse, isArray: true, description: 'Cheapest first' })
  features!: FeatureResponse[];
}
