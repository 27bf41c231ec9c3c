import fc from 'fast-check';
import type { DocumentContentType } from '../verification/verification-states';
import { concat, PNG_SIGNATURE, sampleJpeg, samplePdf, samplePng } from './document-samples.spec-helper';
import { jpegEnd, pngEnd } from './image-structure';
import { findPolyglot, type PolyglotReason } from './polyglot';

const ZIP_ENTRY = concat('PK\x03\x04', [0x14, 0x00, 0x00, 0x00, 0x08, 0x00], 'rest of a zip entry');
const jpegBody = sampleJpeg().slice(0, -2); // without its EOI

describe('findPolyglot', () => {
  it.each<[string, Uint8Array, DocumentContentType, PolyglotReason | null]>([
    ['a plain JPEG', sampleJpeg(), 'image/jpeg', null],
    ['a JPEG with an ordinary comment', sampleJpeg({ comment: 'Made by a scanner <3' }), 'image/jpeg', null],
    ['a JPEG padded with a few zeros', concat(sampleJpeg(), new Uint8Array(32)), 'image/jpeg', null],
    ['a JPEG with an FF D9 inside a segment', sampleJpeg({ comment: '\xff\xd9' }), 'image/jpeg', null],
    ['a JPEG followed by an MPF second image', concat(sampleJpeg(), sampleJpeg()), 'image/jpeg', null],
    [
      'a JPEG whose scan holds PK 03 04 by chance',
      sampleJpeg({ scan: [0x50, 0x4b, 0x03, 0x04, 0x9a, 0x00, 0x12, 0x34, 0x08, 0x00, 0x78] }),
      'image/jpeg',
      null,
    ],
    ['a plain PNG', samplePng(), 'image/png', null],
    ['a PNG with text', samplePng({ text: 'scanned 2031-03-01' }), 'image/png', null],
    ['a plain PDF', samplePdf(), 'application/pdf', null],
    ['a PDF mentioning JSON', samplePdf('(/JSON is not /JS)'.replace(' /JS)', ')')), 'application/pdf', null],

    [
      'a JPEG with <script> in a comment',
      sampleJpeg({ comment: '<script>alert(1)</script>' }),
      'image/jpeg',
      'embedded_markup',
    ],
    [
      'a JPEG with <SCRIPT > in a comment',
      sampleJpeg({ comment: '<SCRIPT >' }),
      'image/jpeg',
      'embedded_markup',
    ],
    [
      'a JPEG with <svg/onload>',
      sampleJpeg({ comment: '<svg/onload=alert(1)>' }),
      'image/jpeg',
      'embedded_markup',
    ],
    [
      'a JPEG with <?php',
      sampleJpeg({ comment: '<?php system($_GET[0]); ?>' }),
      'image/jpeg',
      'embedded_markup',
    ],
    ['a PNG with <html>', samplePng({ text: '<html><body>hi' }), 'image/png', 'embedded_markup'],
    ['a PNG with a doctype', samplePng({ text: '<!DOCTYPE  HTML>' }), 'image/png', 'embedded_markup'],
    ['a PDF with <iframe ', samplePdf('(<iframe src=x>)'), 'application/pdf', 'embedded_markup'],
    ['a JPEG with <script> after its end', concat(sampleJpeg(), '<script>'), 'image/jpeg', 'embedded_markup'],

    [
      'a JPEG with %PDF- in a comment',
      sampleJpeg({ comment: '%PDF-1.4 1 0 obj' }),
      'image/jpeg',
      'embedded_pdf',
    ],
    ['a PNG with %PDF- in text', samplePng({ text: '%PDF-1.7' }), 'image/png', 'embedded_pdf'],
    [
      'a JPEG with a ZIP in a comment',
      sampleJpeg({ comment: '\0'.repeat(2000) + 'PK\x03\x04\x14\0\0\0\x08\0xx' }),
      'image/jpeg',
      'embedded_zip',
    ],
    ['a JPEG with a JAR appended', concat(sampleJpeg(), ZIP_ENTRY), 'image/jpeg', 'embedded_zip'],
    ['a PNG with a ZIP after IEND', concat(samplePng(), ZIP_ENTRY), 'image/png', 'embedded_zip'],

    [
      'a PDF with JavaScript',
      samplePdf('<< /S /JavaScript /JS (app.alert(1)) >>'),
      'application/pdf',
      'pdf_active_content',
    ],
    ['a PDF with a /JS action', samplePdf('<< /JS 5 0 R >>'), 'application/pdf', 'pdf_active_content'],
    [
      'a PDF with a Launch action',
      samplePdf('<< /S /Launch /F (cmd.exe) >>'),
      'application/pdf',
      'pdf_active_content',
    ],

    [
      'a JPEG with junk after its end',
      concat(sampleJpeg(), 'x'.repeat(33)),
      'image/jpeg',
      'jpeg_trailing_data',
    ],
    ['a JPEG without its end', jpegBody, 'image/jpeg', 'jpeg_structure_invalid'],
    [
      'a JPEG signature and text',
      concat([0xff, 0xd8, 0xff], 'hello'),
      'image/jpeg',
      'jpeg_structure_invalid',
    ],
    [
      'a JPEG whose segment overruns',
      concat([0xff, 0xd8, 0xff, 0xe0, 0x7f, 0xff, 0x00]),
      'image/jpeg',
      'jpeg_structure_invalid',
    ],
    [
      'a JPEG then a broken second image',
      concat(sampleJpeg(), [0xff, 0xd8, 0xff, 0x01]),
      'image/jpeg',
      'jpeg_structure_invalid',
    ],
    ['a PNG with a byte after IEND', concat(samplePng(), [0]), 'image/png', 'png_trailing_data'],
    ['a PNG signature alone', concat(PNG_SIGNATURE), 'image/png', 'png_structure_invalid'],
    ['a PNG without IEND', samplePng().slice(0, -12), 'image/png', 'png_structure_invalid'],
    [
      'a PNG with a non-letter chunk type',
      concat(PNG_SIGNATURE, [0, 0, 0, 0], 'IE#D', [0, 0, 0, 0]),
      'image/png',
      'png_structure_invalid',
    ],
  ])('%s → %s', (_name, content, type, reason) => {
    expect(findPolyglot(content, type)).toBe(reason);
  });

  const types = fc.constantFrom<[DocumentContentType, Uint8Array]>(
    ['image/jpeg', sampleJpeg()],
    ['image/png', samplePng()],
    ['application/pdf', samplePdf()],
  );
  const markup = fc.constantFrom(
    '<script>',
    '<SCRIPT\n',
    '<svg ',
    '<html>',
    '<?php',
    '<!doctype html',
    '<iframe/',
  );

  it('refuses a valid signature with markup anywhere in random bytes after it', () => {
    fc.assert(
      fc.property(
        types,
        fc.uint8Array({ maxLength: 200 }),
        markup,
        fc.uint8Array({ maxLength: 200 }),
        ([type, sample], before, marker, after) =>
          findPolyglot(concat(sample.slice(0, 8), before, marker, after), type) !== null,
      ),
    );
  });

  it('refuses a real image with markup inserted anywhere', () => {
    fc.assert(
      fc.property(types, markup, fc.nat(), ([type, sample], marker, at) => {
        const i = at % (sample.length + 1);
        return findPolyglot(concat(sample.slice(0, i), marker, sample.slice(i)), type) !== null;
      }),
    );
  });

  it('refuses an image with any data beyond the tolerance after its end', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<[DocumentContentType, Uint8Array, number]>(
          ['image/jpeg', sampleJpeg(), 32],
          ['image/png', samplePng(), 0],
        ),
        fc.uint8Array({ minLength: 33, maxLength: 300 }),
        ([type, sample, tolerance], junk) =>
          findPolyglot(concat(sample, junk), type) !== null && junk.length > tolerance,
      ),
    );
  });
});

describe('image structure', () => {
  it('finds the end of a JPEG and of a PNG', () => {
    expect(jpegEnd(sampleJpeg())).toBe(sampleJpeg().length);
    expect(pngEnd(samplePng())).toBe(samplePng().length);
  });

  it('never reads past the bytes it is given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        const jpeg = jpegEnd(concat([0xff, 0xd8], tail));
        const png = pngEnd(concat(PNG_SIGNATURE, tail));
        return (
          (jpeg === undefined || jpeg <= tail.length + 2) && (png === undefined || png <= tail.length + 8)
        );
      }),
    );
  });
});
