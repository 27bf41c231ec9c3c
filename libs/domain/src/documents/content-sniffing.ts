import type { DocumentContentType } from '../verification/verification-states';

// The signatures the three allowed types start with. Only these bytes decide the type: a
// name, an extension or a declared Content-Type is whatever the client chose to say.
const SIGNATURES: readonly { type: DocumentContentType; bytes: readonly number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // `%PDF-` at offset 0 only: readers accept it later in the file, we do not.
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The extension a stored document is served with (never the one the client sent). */
export const DOCUMENT_EXTENSIONS = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
} as const satisfies Record<DocumentContentType, string>;

// True when `bytes` begins with `prefix`.
function hasPrefix(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

/**
 * The type of a document decided by its magic bytes alone: JPEG, PNG or PDF, or null for
 * anything else (an empty file included).
 */
export function sniffContentType(bytes: Uint8Array): DocumentContentType | null {
  return SIGNATURES.find((s) => hasPrefix(bytes, s.bytes))?.type ?? null;
}
