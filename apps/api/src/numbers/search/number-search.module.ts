import { Module } from '@nestjs/common';
import { CheapestPlanCache } from './cheapest-plan.cache';
import { GradingRulesCache } from './grading-rules.cache';
import { NumberIndexHolder } from './number-index.holder';
import { NumberSearchController } from './number-search.controller';
import { NumberSearchService } from './number-search.service';
import { NumberSuggestService } from './number-suggest.service';
import { SearchCounter } from './search-counter';

@Module({
  controllers: [NumberSearchController],
  providers: [
    GradingRulesCache,
    CheapestPlanCache,
    NumberIndexHolder,
    NumberSearchService,
    NumberSuggestService,
    SearchCounter,
  ],
  exports: [NumberSuggestService],
})
export class NumberSearchModule {}
