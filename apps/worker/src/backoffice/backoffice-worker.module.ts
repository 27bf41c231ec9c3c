import { Module } from '@nestjs/common';
import { BackofficeProcessor } from './backoffice.processor';

/** Inventory imports and re-grades (queue `backoffice`). SKELETON: owned by the admin helper. */
@Module({ providers: [BackofficeProcessor] })
export class BackofficeWorkerModule {}
