import { Module } from '@nestjs/common';
import { AdminNumbersController } from './admin-numbers.controller';
import { CatalogAdminController } from './catalog-admin.controller';
import { GradingRulesController } from './grading-rules.controller';
import { InventoryImportsController } from './inventory-imports.controller';

/** Admin endpoints: inventory imports, per-number administration, grading rules and re-grades, catalog versions. */
@Module({
  controllers: [
    InventoryImportsController,
    AdminNumbersController,
    GradingRulesController,
    CatalogAdminController,
  ],
})
export class AdminApiModule {}
