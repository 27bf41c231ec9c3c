// Small but structurally real files for the tests: a baseline JPEG's markers (SOI, APP0,
// SOS with entropy-coded data, EOI), a PNG's chunks (IHDR, IDAT, IEND) and a minimal PDF.
// libs/domain keeps its own copy (libs/domain/src/documents/document-samples.spec-helper.ts):
// the domain may depend on nothing but the domain.

const bytes = (...parts: (readonly number[] | Uint8Array | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0) & 0xff) : [...p])),
  );

const segment = (marker: number, payload: readonly number[] | string): Uint8Array => {
  const body = bytes(payload);
  return bytes([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff], body);
};

/** A JPEG with `comment` in a COM segment and `scan` as its entropy-coded data. */
export function sampleJpeg(options: { comment?: string; scan?: readonly number[] } = {}): Uint8Array {
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
    options.comment === undefined ? [] : segment(0xfe, options.comment),
    segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    // Entropy-coded data with a stuffed FF 00 and a restart marker, as real scans have.
    options.scan ?? [0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a],
    [0xff, 0xd9],
  );
}

const chunk = (type: string, data: readonly number[] | string): Uint8Array => {
  const body = bytes(data);
  const n = body.length;
  // The CRC is not checked by the structure walk; zeros keep the builder small.
  return bytes([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff], type, body, [0, 0, 0, 0]);
};

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** A 1×1 PNG with an optional tEXt chunk. */
export function samplePng(options: { text?: string } = {}): Uint8Array {
  return bytes(
    PNG_SIGNATURE,
    chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
    options.text === undefined ? [] : chunk('tEXt', `Comment\0${options.text}`),
    chunk('IDAT', [0x78, 0x9c, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00]),
    chunk('IEND', []),
  );
}

/** A one-page PDF; `extra` goes into its body. */
export function samplePdf(extra = ''): Uint8Array {
  return bytes(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n',
    extra,
    '\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}

/** `parts` joined into one byte array. */
export const concat = (...parts: (readonly number[] | Uint8Array | string)[]): Uint8Array => bytes(...parts);
