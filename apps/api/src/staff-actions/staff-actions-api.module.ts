import { Module } from '@nestjs/common';
import { StaffActionsController } from './staff-actions.controller';
import { StaffActionsService } from './staff-actions.service';
import { StaffRefundsController } from './staff-refunds.controller';

/**
 * Staff actions on an order: bank transfers, refunds (and settling those paid back by hand),
 * cancellation, deadlines, resending messages.
 */
@Module({
  controllers: [StaffActionsController, StaffRefundsController],
  providers: [StaffActionsService],
})
export class StaffActionsApiModule {}
