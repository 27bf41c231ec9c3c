import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidNumberErrorResponse, NumberResponse } from './number.response';
import { ParseNumberPipe } from './number-lookup.pipe';
import { NumberLookupService } from './number-lookup.service';
import { Public } from '../auth/access.decorator';

@ApiTags('numbers')
@Public()
@Controller('api/v1/numbers')
export class NumberLookupController {
  constructor(private readonly numbers: NumberLookupService) {}

  @Get(':number')
  @ApiOperation({
    summary: 'One number: grade, fee, explanation, the plan it needs, and whether it can be bought',
  })
  @ApiParam({
    name: 'number',
    type: String,
    description:
      'The number as people write it, URL-encoded: 4008208888, 400-820-8888, 400 820 8888, ' +
      '(400) 820-8888, +86 400 820 8888, 0086…, full-width digits…',
    example: '400-820-8888',
  })
  @ApiOkResponse({ type: NumberResponse })
  @ApiBadRequestResponse({ type: InvalidNumberErrorResponse, description: 'Not a 400 number' })
  @ApiNotFoundResponse({ description: '`NUMBER_NOT_FOUND`: a valid 400 number we do not have' })
  lookup(@Param('number', ParseNumberPipe) digits: string): Promise<NumberResponse> {
    return this.numbers.lookup(digits);
  }
}
