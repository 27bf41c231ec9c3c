import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';

/** Types a CSV arrives as: browsers on Windows send Excel's for `.csv`. */
export const IMPORT_CONTENT_TYPES = ['text/csv', 'text/plain', 'application/vnd.ms-excel'] as const;

const invalid = (field: string, message: string) =>
  new ApiError('VALIDATION_FAILED', message, [{ field, errors: [message] }]);

const tooLarge = (maxBytes: number) =>
  new ApiError('UPLOAD_TOO_LARGE', `An import file may have at most ${maxBytes} bytes.`, undefined, {
    maxBytes,
  });

// @fastify/multipart's own refusals, as the documents upload answers them.
function fromParserError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  switch ((error as { code?: unknown }).code) {
    case 'FST_FILES_LIMIT':
      return new ApiError('UPLOAD_TOO_MANY_FILES', 'Upload exactly one file per request.');
    case 'FST_REQ_FILE_TOO_LARGE':
      return error;
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ApiError('UPLOAD_NOT_MULTIPART', 'Send the CSV as multipart/form-data.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return invalid('form', 'The form takes one `file` part and nothing else.');
    default:
      return new ApiError('MALFORMED_REQUEST', 'The multipart body could not be read.');
  }
}

/**
 * Reads an import upload: exactly one `file` part (text/csv or text/plain) of at most
 * `maxBytes`, held in memory until stored. This route's limit replaces the documents'
 * smaller one for this request only.
 */
export async function readImportForm(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart())
    throw new ApiError('UPLOAD_NOT_MULTIPART', 'Send the CSV as multipart/form-data.');
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 },
    })) {
      if (part.type !== 'file' || part.fieldname !== 'file')
        throw invalid(
          part.fieldname,
          `Unexpected part ${JSON.stringify(part.fieldname)}: send one \`file\`.`,
        );
      const type = part.mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(IMPORT_CONTENT_TYPES as readonly string[]).includes(type))
        throw new ApiError(
          'UPLOAD_TYPE_NOT_ALLOWED',
          `An import is a CSV (text/csv or text/plain), not ${type}.`,
        );
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw tooLarge(maxBytes);
        chunks.push(chunk);
      }
      if (part.file.truncated) throw tooLarge(maxBytes);
      file = { fileName: part.filename, bytes: Buffer.concat(chunks, total) };
    }
  } catch (error) {
    void reply.header('connection', 'close');
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw fromParserError(error);
  }
  if (!file) throw invalid('file', 'The form needs one `file` part with the CSV.');
  return file;
}
