import type { ApiErrorBody, Schemas } from '../../api/client';

export type UploadedDocument = Schemas['DocumentResponse'];
export type DocumentKind = UploadedDocument['kind'];

/** The part of XMLHttpRequest an upload uses (fetch cannot report upload progress). */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: {
    onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

export interface UploadOptions {
  readonly kind: DocumentKind;
  readonly file: Blob & { name?: string };
  /** The access token (refreshed by the caller), or undefined to let the API answer 401. */
  readonly token: string | undefined;
  /** 0–100 as the bytes go out. */
  readonly onProgress?: (percent: number) => void;
  readonly signal?: AbortSignal;
  readonly request?: () => UploadRequest;
  readonly url?: string;
}

const networkError = (message: string): ApiErrorBody => ({ statusCode: 0, code: 'NETWORK', message });

/**
 * Uploads one document (POST /api/v1/documents, multipart `kind` + `file`), reporting
 * progress. Resolves with the stored document; rejects with the API's error envelope (or a
 * `NETWORK` one), so the page can say what went wrong next to the document.
 */
export function uploadDocument(options: UploadOptions): Promise<UploadedDocument> {
  const xhr = options.request?.() ?? (new XMLHttpRequest() as unknown as UploadRequest);
  return new Promise<UploadedDocument>((resolve, reject) => {
    xhr.open('POST', options.url ?? '/api/v1/documents');
    if (options.token) xhr.setRequestHeader('Authorization', `Bearer ${options.token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(Math.min(100, Math.floor((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        options.onProgress?.(100);
        resolve(body as UploadedDocument);
      } else
        reject(
          typeof body === 'object' && body !== null && 'code' in body
            ? (body as ApiErrorBody)
            : { statusCode: xhr.status, code: 'HTTP_ERROR', message: `HTTP ${xhr.status}` },
        );
    };
    xhr.onerror = () => reject(networkError('The upload did not reach the server'));
    xhr.onabort = () => reject(networkError('Upload cancelled'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    // `kind` first: the server reads the parts in order and can refuse early.
    form.append('kind', options.kind);
    form.append('file', options.file, options.file.name ?? 'document');
    xhr.send(form);
  });
}
