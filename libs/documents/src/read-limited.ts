import { DocumentError } from './document-errors';

/**
 * Reads a stream into one buffer, refusing it (UPLOAD_TOO_LARGE) the moment it passes
 * `maxBytes`: the chunk that crosses the limit is never kept, so no more than `maxBytes`
 * bytes are ever held.
 */
export async function readLimited(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** The UPLOAD_TOO_LARGE refusal for `maxBytes`. */
export function tooLarge(maxBytes: number): DocumentError {
  return new DocumentError('UPLOAD_TOO_LARGE', `A document may have at most ${maxBytes} bytes.`, {
    maxBytes,
  });
}
