// Shared by the document e2e suites: the API on its own database and documents folder,
// small but structurally real JPG/PNG/PDF files (@haoma/testing's samples, as Buffers), and
// raw multipart bodies (built by hand so a test controls every byte: part order, names with
// path characters, two files).
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@haoma/config';
import { createDataSource } from '@haoma/db';
import {
  createTestDatabase,
  sampleJpeg,
  samplePdf,
  samplePng,
  testConfig,
  type TestDatabase,
} from '@haoma/testing';
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

/** The usual scan of a baseline JPEG (a stuffed FF 00, no restart marker). */
const JPEG_SCAN = [0x12, 0x34, 0xff, 0x00, 0x56] as const;

/** A baseline JPEG (the shared sample) with an optional comment; `padTo` grows the scan to that many bytes in all. */
export function jpeg(options: { comment?: string; padTo?: number } = {}): Buffer {
  const comment = options.comment === undefined ? {} : { comment: options.comment };
  const pad = Math.max(0, (options.padTo ?? 0) - sampleJpeg({ ...comment, scan: JPEG_SCAN }).length);
  return Buffer.from(sampleJpeg({ ...comment, scan: [...JPEG_SCAN, ...new Array<number>(pad).fill(0x11)] }));
}

/** A 1×1 PNG (the shared sample). */
export const png = (): Buffer => Buffer.from(samplePng());

/** A minimal one-page PDF (the shared sample). */
export const pdf = (): Buffer => Buffer.from(samplePdf());

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
