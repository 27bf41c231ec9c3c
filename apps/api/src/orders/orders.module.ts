import { Module } from '@nestjs/common';
import { NumberSearchModule } from '../numbers/search/number-search.module';
import { AgreementsController } from './agreements.controller';
import { OrderStepsController } from './order-steps.controller';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { UnavailableNumberSuggestions } from './unavailable-suggestions';

/** The storefront's order API, and the agreements customers sign. */
@Module({
  imports: [NumberSearchModule],
  controllers: [OrdersController, OrderStepsController, AgreementsController],
  providers: [OrdersService, UnavailableNumberSuggestions],
})
export class OrdersModule {}
