import { ApiProperty } from '@nestjs/swagger';
import { AGREEMENT_KINDS, type AgreementKind } from '@haoma/db';

/** The current version of an agreement: what a signer reads, and its fingerprint. */
export class AgreementResponse {
  @ApiProperty({ type: String, enum: AGREEMENT_KINDS, example: 'supplement_400' })
  kind!: AgreementKind;

  @ApiProperty({ type: Number, description: 'Send it back when signing', example: 1 })
  version!: number;

  @ApiProperty({ type: String, example: '400 业务补充协议 · 400 Supplement Agreement' })
  title!: string;

  @ApiProperty({ type: String, description: 'The full text, Chinese then English (the Chinese governs)' })
  body!: string;

  @ApiProperty({ type: String, description: 'sha256 of the UTF-8 body, hex', example: '3f0a…' })
  sha256!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: string;
}

export class AgreementListResponse {
  @ApiProperty({
    type: () => AgreementResponse,
    isArray: true,
    description: 'One per kind (service, then supplement_400): all must be signed',
  })
  items!: AgreementResponse[];
}
