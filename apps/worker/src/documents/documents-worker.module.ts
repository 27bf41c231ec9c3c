import { Module } from '@nestjs/common';
import { OrphanUploads } from './orphan-uploads';

/** Document housekeeping in the worker. */
@Module({ providers: [OrphanUploads], exports: [OrphanUploads] })
export class DocumentsWorkerModule {}
