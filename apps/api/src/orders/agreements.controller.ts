import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { AgreementListResponse } from './agreement.response';
import { OrdersService } from './orders.service';

@ApiTags('agreements')
@Public()
@Controller('api/v1/agreements')
export class AgreementsController {
  constructor(private readonly orders: OrdersService) {}

  // One current version per kind: a list that cannot grow past the kinds, so no pages.
  @Get()
  @ApiOperation({ summary: 'The agreements a customer signs, in their current versions, with sha256' })
  @ApiOkResponse({ type: AgreementListResponse })
  agreements(): Promise<AgreementListResponse> {
    return this.orders.agreements();
  }
}
