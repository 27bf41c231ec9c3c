import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { DOCUMENT_STORAGE } from './document-storage';
import { LocalDocumentStorage } from './local-document-storage';

/** Makes the DocumentStorage injectable everywhere (`@Inject(DOCUMENT_STORAGE)`): the local folder DOCUMENTS_DIR. */
@Global()
@Module({
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDocumentStorage(config.DOCUMENTS_DIR),
    },
  ],
  exports: [DOCUMENT_STORAGE],
})
export class DocumentStorageModule {}
