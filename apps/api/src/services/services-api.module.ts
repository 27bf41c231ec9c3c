import { Module } from '@nestjs/common';
import { ServicesApiService } from './services-api.service';
import { ServicesController } from './services.controller';
import { StaffServicesController } from './staff-services.controller';

/** Live services and re-verification: the customer's lines and tasks, and the compliance staff's console. */
@Module({
  controllers: [ServicesController, StaffServicesController],
  providers: [ServicesApiService],
})
export class ServicesApiModule {}
