import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { QueueModule } from '@haoma/jobs';
import { JobSchedules } from './boot/job-schedules';
import { ProcessorCoverageCheck } from './boot/processor-coverage';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'haoma-worker', statementTimeout: false }),
        QueueModule.forRoot(),
        DiscoveryModule,
      ],
      providers: [MaintenanceProcessor, ProcessorCoverageCheck, JobSchedules],
    };
  }
}
