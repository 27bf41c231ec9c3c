import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  GRADE_CODES,
  MAX_SEARCH_LIMIT,
  NUMBER_SORTS,
  QUERY_ERROR_CODES,
  type RawNumberQuery,
} from '@haoma/domain';
import { NumberSearchResponse, NumberSuggestionsResponse } from './number-search.response';
import { NumberSearchService } from './number-search.service';
import { MAX_SUGGESTIONS, NumberSuggestService } from './number-suggest.service';
import { SearchCounter } from './search-counter';
import { Public } from '../../auth/access.decorator';

@ApiTags('numbers')
@Public()
@Controller('api/v1/numbers')
export class NumberSearchController {
  constructor(
    private readonly numbers: NumberSearchService,
    private readonly suggestions: NumberSuggestService,
    private readonly searchCounter: SearchCounter,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Numbers that can be bought now: every filter combinable, keyset-paginated',
    description: `A 400 error has code INVALID_QUERY and, per parameter, one of: ${QUERY_ERROR_CODES.join(', ')}.`,
  })
  @ApiQuery({ name: 'block', required: false, description: 'One or several blocks, e.g. `4008,4009`' })
  @ApiQuery({
    name: 'carrier',
    required: false,
    description: '`telecom`, `unicom`, `mobile` (one or several)',
  })
  @ApiQuery({
    name: 'startsWith',
    required: false,
    description: 'Prefix of the number (`400` may be left out)',
  })
  @ApiQuery({ name: 'endsWith', required: false, description: 'Last digits, e.g. `8888`' })
  @ApiQuery({ name: 'contains', required: false, description: 'Digits in a row among the 7 after 400' })
  @ApiQuery({
    name: 'mask',
    required: false,
    description: 'Whole-number glob: `?` one digit, `*` any run: `400*88*8888`, `4008??6666`',
  })
  @ApiQuery({
    name: 'pattern',
    required: false,
    description: 'Pattern tag with position, e.g. `tail:AABB`, `any:ABAB` (several: all must hold)',
  })
  @ApiQuery({ name: 'grade', required: false, description: `One or several of ${GRADE_CODES.join(', ')}` })
  @ApiQuery({ name: 'minFee', required: false, description: 'Least selection fee, in fen' })
  @ApiQuery({ name: 'maxFee', required: false, description: 'Greatest selection fee, in fen' })
  @ApiQuery({
    name: 'excludeDigits',
    required: false,
    description: 'Digits that must not appear after 400, e.g. `4`',
  })
  @ApiQuery({
    name: 'lucky',
    required: false,
    description: '`true`: has 8/6/9 three times or a lucky group (520, 1314, 168, 518, 888)',
  })
  @ApiQuery({
    name: 'word',
    required: false,
    description: 'Keypad letters matched against the digits, e.g. `FLOWERS`',
  })
  @ApiQuery({
    name: 'sort',
    required: false,
    enum: NUMBER_SORTS,
    description:
      '`fee_asc` (default), `fee_desc`, `grade_desc` (best grade, then cheapest), or `relevance`: ' +
      'numbers that best answer the text filters first — each match of startsWith, endsWith, mask, ' +
      'contains, word, pattern or lucky scores 10 at the tail, 1 in the middle — then as `grade_desc`. ' +
      'A cursor only continues the sort it came from.',
  })
  @ApiQuery({ name: 'limit', required: false, description: `1–${MAX_SEARCH_LIMIT}, default 20` })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `nextCursor` of the previous page' })
  @ApiOkResponse({ type: NumberSearchResponse })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY, with the parameters at fault and their codes' })
  search(@Query() query: RawNumberQuery): NumberSearchResponse {
    const page = this.numbers.search(query);
    // A search for the funnel is its first page; following pages are the same search.
    if (query['cursor'] === undefined) this.searchCounter.count();
    return page;
  }

  @Get('suggest')
  @ApiOperation({ summary: 'Near matches when a search finds nothing or too little' })
  @ApiQuery({ name: 'q', required: true, description: 'A 400 number, or 1–7 digits or keypad letters' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${MAX_SUGGESTIONS}, default 12` })
  @ApiOkResponse({ type: NumberSuggestionsResponse })
  @ApiBadRequestResponse({ description: 'INVALID_QUERY' })
  suggest(
    @Query('q') q: string | undefined,
    @Query('limit') limit: string | undefined,
  ): NumberSuggestionsResponse {
    return this.suggestions.suggest(q, limit);
  }
}
