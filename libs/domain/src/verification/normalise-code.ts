/**
 * What people type into a credential field, made comparable: surrounding spaces removed,
 * full-width letters and digits (common with Chinese input methods) turned into ASCII, and
 * upper case (a resident ID's check `x` is the same as `X`).
 */
export function normaliseCode(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
