import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@haoma/config';
import { DatabaseModule } from '@haoma/db';
import { DocumentStorageModule } from '@haoma/documents';
import { QueueModule } from '@haoma/jobs';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { RateLimitModule } from './common/rate-limit.module';
import { HealthModule } from './health/health.module';
import { NumberLookupModule } from './numbers/number-lookup.module';
import { NumberSearchModule } from './numbers/search/number-search.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsApiModule } from './payments/payments-api.module';
import { DocumentsApiModule } from './documents/documents-api.module';
import { ServicesApiModule } from './services/services-api.module';
import { AdminApiModule } from './admin/admin-api.module';
import { OperationsApiModule } from './operations/operations-api.module';
import { ReportsApiModule } from './reports/reports-api.module';
import { SalesApiModule } from './sales/sales-api.module';
import { StaffActionsApiModule } from './staff-actions/staff-actions-api.module';
import { VerificationApiModule } from './verification/verification-api.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'haoma-api', statementTimeout: true }),
        QueueModule.forRoot(),
        DocumentStorageModule,
        RateLimitModule.forRoot(config),
        HealthModule,
        CatalogModule,
        NumberLookupModule,
        NumberSearchModule,
        AuthModule,
        OrdersModule,
        PaymentsApiModule.forRoot(config),
        DocumentsApiModule,
        VerificationApiModule,
        ServicesApiModule,
        SalesApiModule,
        StaffActionsApiModule,
        AdminApiModule,
        ReportsApiModule,
        OperationsApiModule,
      ],
    };
  }
}
