import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentError, readLimited, tooLarge } from '@haoma/documents';
import { ApiError } from '../common/api-error';

/** The parts of an upload form, read but not yet checked. */
export interface UploadForm {
  kind: string | undefined;
  fileName: string;
  bytes: Buffer;
}

/** The form's field names. */
export const UPLOAD_FIELDS = { kind: 'kind', file: 'file' } as const;

const invalid = (field: string, message: string) =>
  new ApiError('VALIDATION_FAILED', message, [{ field, errors: [message] }]);

// @fastify/multipart's own refusals (see registerUploadParsing for the limits).
function fromParserError(error: unknown): unknown {
  if (error instanceof DocumentError || error instanceof ApiError) return error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_FILES_LIMIT':
      return new DocumentError('UPLOAD_TOO_MANY_FILES', 'Upload exactly one file per request.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DocumentError('UPLOAD_NOT_MULTIPART', 'Send the document as multipart/form-data.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return invalid('form', 'The form has too many parts: send `kind` and one `file`.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return invalid('form', 'The form has a field it may not have: send `kind` and one `file`.');
    default:
      // A body busboy cannot parse (no boundary, cut short): the client's fault.
      return new ApiError('MALFORMED_REQUEST', 'The multipart body could not be read.');
  }
}

/**
 * Reads an upload form: a `kind` field and exactly one `file` part, in either order (the
 * file is held in memory, at most UPLOAD_MAX_BYTES of it, until the form ends). Anything
 * else in the form is refused. When the form is refused part-way, the connection is closed
 * after the answer instead of reading the rest of a body nobody wants.
 */
export async function readUploadForm(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): Promise<UploadForm> {
  if (!request.isMultipart())
    throw new DocumentError('UPLOAD_NOT_MULTIPART', 'Send the document as multipart/form-data.');
  let kind: string | undefined;
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== UPLOAD_FIELDS.file)
          throw invalid(
            part.fieldname,
            `Unexpected file part ${JSON.stringify(part.fieldname)}: send it as \`file\`.`,
          );
        if (file) throw new DocumentError('UPLOAD_TOO_MANY_FILES', 'Upload exactly one file per request.');
        const bytes = await readLimited(part.file, maxBytes);
        // The parser stops the file at the limit and marks it truncated.
        if (part.file.truncated) throw tooLarge(maxBytes);
        file = { fileName: part.filename, bytes };
      } else {
        if (part.fieldname !== UPLOAD_FIELDS.kind)
          throw invalid(
            part.fieldname,
            `Unexpected field ${JSON.stringify(part.fieldname)}: the form takes \`kind\` and \`file\`.`,
          );
        if (kind !== undefined) throw invalid('kind', 'Send `kind` once.');
        kind = typeof part.value === 'string' ? part.value : '';
      }
    }
  } catch (error) {
    void reply.header('connection', 'close');
    throw fromParserError(error);
  }
  if (!file) throw invalid('file', 'The form needs one `file` part with the document.');
  return { kind, ...file };
}
