import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogService } from './catalog.service';
import { FeatureListResponse } from './feature.response';
import { PlanListResponse } from './plan.response';
import { Public } from '../auth/access.decorator';

@ApiTags('catalog')
@Public()
@Controller('api/v1')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('plans')
  @ApiOperation({ summary: 'The plans on sale now, with their terms and prices, cheapest first' })
  @ApiOkResponse({ type: PlanListResponse })
  plans(): Promise<PlanListResponse> {
    return this.catalog.currentPlans();
  }

  @Get('features')
  @ApiOperation({ summary: 'The feature add-ons on sale now, with prices and exclusions, cheapest first' })
  @ApiOkResponse({ type: FeatureListResponse })
  features(): Promise<FeatureListResponse> {
    return this.catalog.currentFeatures();
  }
}
