import { Module } from '@nestjs/common';
import { ReportsApiService } from './reports-api.service';
import { ReportsController } from './reports.controller';

/** Back-office reports (funnel, revenue, reviewers, compliance outlook), each as JSON and CSV. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsApiService],
})
export class ReportsApiModule {}
