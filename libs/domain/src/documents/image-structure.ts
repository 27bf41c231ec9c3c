// Walks the container structure of the two image formats far enough to find where the image
// ends. What a file carries after that is not part of the image, and is where a second
// format (a ZIP, a script) hides in a polyglot.

const PNG_SIGNATURE_LENGTH = 8;
const PNG_CHUNK_OVERHEAD = 12; // length, type, CRC
const IEND = 0x49454e44;

const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * The offset just past the EOI marker (FF D9) of the JPEG starting at `start`, or undefined
 * when its marker structure is broken (a segment running past the end, no EOI). Segments
 * are skipped by their declared length and entropy-coded data up to the next real marker,
 * so an FF D9 inside a segment or appended junk is never mistaken for the end.
 */
export function jpegEnd(bytes: Uint8Array, start = 0): number | undefined {
  if (bytes[start] !== 0xff || bytes[start + 1] !== 0xd8) return undefined;
  let pos = start + 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    while (bytes[pos] === 0xff) pos++; // fill bytes before a marker
    if (pos >= bytes.length) return undefined;
    const marker = bytes[pos++] as number;
    if (marker === 0xd9) return pos;
    if (marker === 0x00 || marker === 0xd8) return undefined;
    if (isRestart(marker) || marker === 0x01) continue; // markers without a length
    if (pos + 2 > bytes.length) return undefined;
    const length = ((bytes[pos] as number) << 8) | (bytes[pos + 1] as number);
    if (length < 2 || pos + length > bytes.length) return undefined;
    pos += length;
    if (marker !== 0xda) continue;
    // Start of scan: entropy-coded data runs to the next marker that is neither a stuffed
    // FF 00 nor a restart marker.
    for (;;) {
      if (pos + 1 >= bytes.length) return undefined;
      if (bytes[pos] !== 0xff) {
        pos++;
        continue;
      }
      const next = bytes[pos + 1] as number;
      if (next === 0x00 || isRestart(next)) pos += 2;
      else if (next === 0xff) pos++;
      else break;
    }
  }
  return undefined;
}

/**
 * The offset just past the IEND chunk of a PNG, or undefined when the chunk structure is
 * broken (a chunk running past the end, a type that is not four letters, no IEND).
 */
export function pngEnd(bytes: Uint8Array): number | undefined {
  let pos = PNG_SIGNATURE_LENGTH;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (pos + PNG_CHUNK_OVERHEAD <= bytes.length) {
    const length = view.getUint32(pos);
    const type = view.getUint32(pos + 4);
    for (let i = 4; i < 8; i++) {
      const c = bytes[pos + i] as number;
      if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return undefined;
    }
    const end = pos + PNG_CHUNK_OVERHEAD + length;
    if (length > 0x7fffffff || end > bytes.length) return undefined;
    if (type === IEND) return end;
    pos = end;
  }
  return undefined;
}
