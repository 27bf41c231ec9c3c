import { Module } from '@nestjs/common';
import { OrderNotesController } from './order-notes.controller';
import { SalesService } from './sales.service';
import { StaffOrdersController } from './staff-orders.controller';

/** The sales pipeline in the API: list, board, order detail and activity, assignment, notes. */
@Module({
  controllers: [StaffOrdersController, OrderNotesController],
  providers: [SalesService],
})
export class SalesApiModule {}
