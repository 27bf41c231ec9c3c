import { Module } from '@nestjs/common';

/** SKELETON: owned by a helper. */
@Module({})
export class ReportsApiModule {}
