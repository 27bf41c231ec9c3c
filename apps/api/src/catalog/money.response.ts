import { ApiProperty } from '@nestjs/swagger';

/** An amount of money: exact integer fen to compute with, and a string to show people. */
export class MoneyResponse {
  @ApiProperty({ type: Number, description: 'Amount in fen (1 元 = 100 fen), an integer', example: 120000 })
  fen!: number;

  @ApiProperty({ type: String, description: 'Amount in yuan, for display', example: '¥1,200.00' })
  display!: string;
}

// Integer arithmetic only: a float detour (fen / 100) would print 0.29 as 0.28999….
export function toMoney(fen: number): MoneyResponse {
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return { fen, display: `${fen < 0 ? '-' : ''}¥${yuan}.${cents}` };
}
