/** Why an upload's file name was refused. */
export const UPLOAD_NAME_REASONS = [
  'empty',
  'too_long',
  'path_separator',
  'dot_segment',
  'control_character',
  'bidi_control',
] as const;
export type UploadNameReason = (typeof UPLOAD_NAME_REASONS)[number];

export type UploadNameCheck =
  { ok: true; cleaned: string } | { ok: false; code: 'UPLOAD_FILENAME_INVALID'; reason: UploadNameReason };

/** The most UTF-8 bytes a name may have (the common file-system limit, and the column's). */
export const UPLOAD_NAME_MAX_BYTES = 255;

// C0 controls (NUL included), DEL and the C1 controls.
const isControl = (c: string): boolean => {
  const n = c.charCodeAt(0);
  return n < 0x20 || (n >= 0x7f && n <= 0x9f);
};
// Bidirectional overrides and isolates: `invoice\u202Egpj.exe` displays as `invoiceexe.jpg`.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

const refuse = (reason: UploadNameReason): UploadNameCheck => ({
  ok: false,
  code: 'UPLOAD_FILENAME_INVALID',
  reason,
});

/**
 * Checks the name a customer's file came with. It is never used to store the bytes (keys are
 * generated) but it is shown to reviewers and offered back in Content-Disposition, so a name
 * that tries to be a path (`../../etc/passwd.jpg`, `a\b.png`), hides characters or spoofs its
 * extension is refused rather than silently rewritten. The cleaned name is NFC-normalised and
 * trimmed.
 */
export function checkUploadName(name: string): UploadNameCheck {
  const cleaned = name.normalize('NFC').trim();
  if (cleaned === '') return refuse('empty');
  if ([...cleaned].some(isControl)) return refuse('control_character');
  if (cleaned.includes('/') || cleaned.includes('\\')) return refuse('path_separator');
  if (cleaned.includes('..') || /^\.+$/.test(cleaned)) return refuse('dot_segment');
  if (BIDI.test(cleaned)) return refuse('bidi_control');
  if (new TextEncoder().encode(cleaned).length > UPLOAD_NAME_MAX_BYTES) return refuse('too_long');
  return { ok: true, cleaned };
}
