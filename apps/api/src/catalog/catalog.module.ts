import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeatureEntity, PlanEntity } from '@haoma/db';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';

@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity, FeatureEntity])],
  controllers: [CatalogController],
  providers: [CatalogService],
})
export class CatalogModule {}
