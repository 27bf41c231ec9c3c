import { ApiProperty } from '@nestjs/swagger';

/** One price line of an order as staff see it: the catalog version it came from and the amount in fen. */
export class StaffPriceLineResponse {
  @ApiProperty({ type: String, enum: ['selection_fee', 'plan', 'feature'] }) kind!: string;
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: Number, nullable: true }) version!: number | null;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameZh!: string;
  @ApiProperty({ type: Number }) amountFen!: number;
}
