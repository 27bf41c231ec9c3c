import type { DocumentContentType } from '../verification/verification-states';
import { jpegEnd, pngEnd } from './image-structure';

/** Why a file was refused as being (also) another format than the one it starts as. */
export const POLYGLOT_REASONS = [
  /** HTML, script, SVG or PHP markup anywhere: a browser or an interpreter would run it. */
  'embedded_markup',
  /** `%PDF-` in the first 1024 bytes of an image: PDF readers look that far for the header. */
  'embedded_pdf',
  /** A ZIP/JAR local file header inside an image (streaming readers need nothing more). */
  'embedded_zip',
  /** Script or launch actions in a PDF, run by the reviewer's PDF reader. */
  'pdf_active_content',
  /** The JPEG's marker structure is broken, so where the image ends cannot be told. */
  'jpeg_structure_invalid',
  /** Bytes after the JPEG's end (FF D9) beyond a small tolerance. */
  'jpeg_trailing_data',
  'png_structure_invalid',
  /** Bytes after the PNG's IEND chunk. */
  'png_trailing_data',
] as const;
export type PolyglotReason = (typeof POLYGLOT_REASONS)[number];

// Tag names must be followed by what ends a tag name in HTML (whitespace, `/` or `>`): a
// bare `<svg` turns up by chance in about one 5 MB image in a hundred, `<svg>` does not.
const MARKUP = /<(?:html|script|svg|iframe|object|embed)[\t\n\f\r />]|<\?php|<!doctype[\t\n\f\r ]+html/i;
const PDF_HEADER = '%PDF-';
const PDF_HEADER_WINDOW = 1024;
// PDF names are case-sensitive and end at a delimiter or whitespace.
const PDF_ACTIVE = /\/(?:JavaScript|JS|Launch)(?![A-Za-z0-9#])/;
// Some encoders pad a JPEG after its end with a few zero or FF bytes.
const JPEG_TRAILING_TOLERANCE = 32;
// Phones append further JPEGs (MPF: depth maps, gain maps) after the first one's end.
const MAX_APPENDED_JPEGS = 8;

/**
 * Whether `bytes` hold a ZIP local file header (`PK 03 04`) with a plausible "version
 * needed" and a stored or deflated entry: every real ZIP entry looks like this, while the
 * four signature bytes alone turn up by chance in about one 5 MB photo in a thousand.
 */
function hasZipEntry(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x50); i !== -1 && i + 10 <= bytes.length; i = bytes.indexOf(0x50, i + 1)) {
    if (bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x04) continue;
    const version = bytes[i + 4] as number;
    const method = bytes[i + 8] as number;
    if (version <= 0x3f && bytes[i + 5] === 0 && (method === 0 || method === 8) && bytes[i + 9] === 0)
      return true;
  }
  return false;
}

// One character per byte, so offsets match and a regular expression can scan the bytes.
const asLatin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

function jpegReason(bytes: Uint8Array): PolyglotReason | null {
  let end = jpegEnd(bytes);
  if (end === undefined) return 'jpeg_structure_invalid';
  for (let n = 0; n < MAX_APPENDED_JPEGS && bytes[end] === 0xff && bytes[end + 1] === 0xd8; n++) {
    const next = jpegEnd(bytes, end);
    if (next === undefined) return 'jpeg_structure_invalid';
    end = next;
  }
  return bytes.length - end > JPEG_TRAILING_TOLERANCE ? 'jpeg_trailing_data' : null;
}

function pngReason(bytes: Uint8Array): PolyglotReason | null {
  const end = pngEnd(bytes);
  if (end === undefined) return 'png_structure_invalid';
  return end < bytes.length ? 'png_trailing_data' : null;
}

/**
 * Why a file whose magic bytes say `type` is also something else — a polyglot that a
 * browser, a PDF reader, a JAR loader or a script interpreter would read its own way — or
 * null when it is plainly one file of `type`. The structure checks also refuse a truncated
 * or malformed image, which the reviewers could not read anyway.
 */
export function findPolyglot(bytes: Uint8Array, type: DocumentContentType): PolyglotReason | null {
  const text = asLatin1(bytes);
  if (MARKUP.test(text)) return 'embedded_markup';
  if (type === 'application/pdf') return PDF_ACTIVE.test(text) ? 'pdf_active_content' : null;
  if (text.slice(0, PDF_HEADER_WINDOW).includes(PDF_HEADER)) return 'embedded_pdf';
  if (hasZipEntry(bytes)) return 'embedded_zip';
  return type === 'image/jpeg' ? jpegReason(bytes) : pngReason(bytes);
}
