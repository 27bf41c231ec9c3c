// Shared by the document e2e suites: the API on its own database and documents folder,
// small but structurally real JPG/PNG/PDF files, and raw multipart bodies (built by hand so
// a test controls every byte: part order, names with path characters, two files).
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { startApi } from './start-api';

export interface DocumentsEnv {
  db: TestDatabase;
  dataSource: DataSource;
  config: AppConfig;
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** A fresh database and documents folder, and the API on them (config `overrides`). */
export async function startDocumentsEnv(overrides: Record<string, string> = {}): Promise<DocumentsEnv> {
  const db = await createTestDatabase();
  const dataSource = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  const config = testConfig(db.url, overrides);
  const { app, url } = await startApi(config);
  return {
    db,
    dataSource,
    config,
    app,
    url,
    async close() {
      await app.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** What is stored for a customer: rows in `documents` and files in DOCUMENTS_DIR. */
export async function storedFor(
  env: DocumentsEnv,
  customerId: string,
): Promise<{ rows: number; files: string[] }> {
  const [row] = (await env.dataSource.query(
    `SELECT count(*)::int AS n FROM documents WHERE customer_id = $1`,
    [customerId],
  )) as { n: number }[];
  const files = await readdir(join(env.config.DOCUMENTS_DIR, customerId)).catch(() => [] as string[]);
  return { rows: row?.n ?? -1, files };
}

/** Every file anywhere under DOCUMENTS_DIR. */
export async function allStoredFiles(env: DocumentsEnv): Promise<string[]> {
  return (await readdir(env.config.DOCUMENTS_DIR, { recursive: true }).catch(() => [] as string[])).filter(
    (f) => f.includes('/'),
  );
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const bytes = (...parts: (readonly number[] | Uint8Array | string)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const segment = (marker: number, payload: string): Buffer => {
  const body = Buffer.from(payload, 'latin1');
  return bytes([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff], body);
};

/** A baseline JPEG: SOI, APP0, an optional comment, a scan, EOI; `padTo` grows the scan. */
export function jpeg(options: { comment?: string; padTo?: number } = {}): Buffer {
  const head = bytes(
    [0xff, 0xd8],
    segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
    options.comment === undefined ? [] : segment(0xfe, options.comment),
    segment(0xda, '\x01\x01\0\0\x3f\0'),
    [0x12, 0x34, 0xff, 0x00, 0x56],
  );
  const pad = Math.max(0, (options.padTo ?? 0) - head.length - 2);
  return bytes(head, Buffer.alloc(pad, 0x11), [0xff, 0xd9]);
}

const chunk = (type: string, data: readonly number[]): Buffer =>
  bytes([0, 0, 0, data.length], type, data, [0, 0, 0, 0]);

/** A 1×1 PNG. */
export function png(): Buffer {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
    chunk('IDAT', [0x78, 0x9c, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00]),
    chunk('IEND', []),
  );
}

/** A minimal PDF. */
export function pdf(): Buffer {
  return bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
}

export type FormPart =
  | { name: string; value: string }
  | { name: string; filename: string; contentType?: string; content: Uint8Array };

/** A multipart/form-data body of `parts`, in that order; names go out as UTF-8, unescaped. */
export function multipart(parts: readonly FormPart[]): { body: Buffer; contentType: string } {
  const boundary = `----haoma${Math.random().toString(16).slice(2)}`;
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const head =
      'content' in part
        ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
          `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n`
        : `Content-Disposition: form-data; name="${part.name}"\r\n`;
    pieces.push(Buffer.from(`--${boundary}\r\n${head}\r\n`, 'utf8'));
    pieces.push('content' in part ? Buffer.from(part.content) : Buffer.from(part.value, 'utf8'));
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Buffer;
}

/** One request; JSON answers are parsed, the raw bytes kept too. */
export async function request<T = Record<string, unknown>>(
  env: DocumentsEnv,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; contentType?: string } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${env.url}${path}`, {
    method,
    headers: { ...(options.contentType ? { 'content-type': options.contentType } : {}), ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const raw = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return {
    status: response.status,
    headers: response.headers,
    body: (json && raw.length ? JSON.parse(raw.toString('utf8')) : {}) as T,
    bytes: raw,
  };
}

/** POSTs an upload form as `who`. */
export function upload<T = Record<string, unknown>>(
  env: DocumentsEnv,
  who: { headers: Record<string, string> },
  parts: readonly FormPart[],
): Promise<Answer<T>> {
  const form = multipart(parts);
  return request<T>(env, 'POST', '/api/v1/documents', {
    headers: who.headers,
    body: form.body,
    contentType: form.contentType,
  });
}

/** The usual form: `kind` then the file. */
export const uploadForm = (
  content: Uint8Array,
  filename = 'licence.jpg',
  kind = 'business_licence',
  contentType = 'image/jpeg',
): FormPart[] => [
  { name: 'kind', value: kind },
  { name: 'file', filename, contentType, content },
];
