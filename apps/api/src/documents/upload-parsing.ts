import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@haoma/config';

/**
 * Lets the API read multipart uploads (POST /api/v1/documents). The parser holds the limits:
 * one file of at most UPLOAD_MAX_BYTES (cut off, not buffered, past it), a handful of small
 * fields. File names arrive as sent — path and all — so that a name that is a path is
 * refused rather than quietly shortened.
 */
export async function registerUploadParsing(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    preservePath: true,
    limits: {
      fileSize: config.UPLOAD_MAX_BYTES,
      files: 1,
      fields: 4,
      parts: 6,
      fieldSize: 1_024,
      fieldNameSize: 64,
      headerPairs: 16,
    },
  });
}
