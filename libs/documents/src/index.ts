export { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';
export { DocumentStorageModule } from './document-storage.module';
export { LocalDocumentStorage } from './local-document-storage';
