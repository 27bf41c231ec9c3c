import fc from 'fast-check';
import { DOCUMENT_CONTENT_TYPES } from '../verification/verification-states';
import { DOCUMENT_EXTENSIONS, sniffContentType } from './content-sniffing';
import { concat, sampleJpeg, samplePdf, samplePng } from './document-samples.spec-helper';

describe('sniffContentType', () => {
  it.each([
    ['a JPEG', sampleJpeg(), 'image/jpeg'],
    ['a bare JPEG signature', concat([0xff, 0xd8, 0xff]), 'image/jpeg'],
    ['a PNG', samplePng(), 'image/png'],
    ['a PDF', samplePdf(), 'application/pdf'],
    ['empty', new Uint8Array(), null],
    ['text named .jpg', concat('just some text, not a photo'), null],
    ['two bytes of JPEG', concat([0xff, 0xd8]), null],
    ['a PNG signature cut short', concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]), null],
    ['%PDF- after a byte', concat(' %PDF-1.4'), null],
    ['lower-case %pdf-', concat('%pdf-1.4'), null],
    ['GIF', concat('GIF89a'), null],
    ['HTML', concat('<!doctype html><html></html>'), null],
    ['SVG', concat('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['ZIP', concat('PK\x03\x04'), null],
    ['UTF-8 BOM then %PDF-', concat([0xef, 0xbb, 0xbf], '%PDF-1.7'), null],
  ])('%s → %s', (_name, content, type) => {
    expect(sniffContentType(content)).toBe(type);
  });

  it('refuses any bytes that do not start with a known signature', () => {
    const starts = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
    ];
    const unknown = fc
      .uint8Array({ maxLength: 64 })
      .filter((b) => !starts.some((s) => s.every((x, i) => b[i] === x)));
    fc.assert(fc.property(unknown, (b) => sniffContentType(b) === null));
  });

  it('recognises a signature whatever follows it', () => {
    const cases = fc.tuple(
      fc.constantFrom(
        [[0xff, 0xd8, 0xff], 'image/jpeg'] as const,
        [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'] as const,
        [[0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'] as const,
      ),
      fc.uint8Array({ maxLength: 64 }),
    );
    fc.assert(
      fc.property(cases, ([[signature, type], rest]) => sniffContentType(concat(signature, rest)) === type),
    );
  });

  it('has an extension for every allowed type', () => {
    expect(Object.keys(DOCUMENT_EXTENSIONS).sort()).toEqual([...DOCUMENT_CONTENT_TYPES].sort());
  });
});
