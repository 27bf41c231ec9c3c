import { ApiProperty } from '@nestjs/swagger';
import { NumberSummaryResponse } from '../number.response';

export class NumberSearchResponse {
  @ApiProperty({
    type: () => NumberSummaryResponse,
    isArray: true,
    description: 'Numbers that can be bought now',
  })
  items!: NumberSummaryResponse[];

  @ApiProperty({ type: Number, example: 20 })
  limit!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export const SUGGESTION_REASONS = ['same_tail', 'one_digit_off', 'same_pattern', 'contains'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export class NumberSuggestionResponse extends NumberSummaryResponse {
  @ApiProperty({
    type: String,
    enum: SUGGESTION_REASONS,
    description:
      'Why it is suggested: the same tail in another block, one digit off, the same pattern elsewhere, or it contains the digits asked for',
  })
  reason!: SuggestionReason;
}

export class NumberSuggestionsResponse {
  @ApiProperty({ type: () => NumberSuggestionResponse, isArray: true })
  items!: NumberSuggestionResponse[];
}
