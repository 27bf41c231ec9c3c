import { Module } from '@nestjs/common';
import { StaffActionsController } from './staff-actions.controller';
import { StaffActionsService } from './staff-actions.service';

/** Staff actions on an order: bank transfers, refunds, cancellation, deadlines, resending messages. */
@Module({
  controllers: [StaffActionsController],
  providers: [StaffActionsService],
})
export class StaffActionsApiModule {}
