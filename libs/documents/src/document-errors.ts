/** Codes of the refusals of the document services; the API maps each to an HTTP status. */
export const DOCUMENT_ERROR_CODES = [
  'UPLOAD_NOT_MULTIPART',
  'UPLOAD_KIND_INVALID',
  'UPLOAD_FILENAME_INVALID',
  'UPLOAD_EMPTY',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_TOO_MANY_FILES',
  'UPLOAD_TYPE_NOT_ALLOWED',
  'UPLOAD_POLYGLOT',
  'UPLOAD_QUOTA_EXCEEDED',
  'DOCUMENT_NOT_FOUND',
  /** Deleting a document a dossier version uses. */
  'DOCUMENT_ATTACHED',
] as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[number];

/** A refusal of an upload or of a document operation, with a stable code and details for the client. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
