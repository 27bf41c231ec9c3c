import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { StaffDocumentsController } from './staff-documents.controller';

/** Dossier documents: customers upload and read their own; reviewers read any. */
@Module({
  controllers: [DocumentsController, StaffDocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsApiModule {}
