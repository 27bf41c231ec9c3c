import fc from 'fast-check';
import { checkUploadName, type UploadNameReason } from './upload-name';

describe('checkUploadName', () => {
  it.each([
    ['licence.jpg', 'licence.jpg'],
    ['  营业执照 2031.PDF \t', '营业执照 2031.PDF'],
    ['scan (1).png', 'scan (1).png'],
    ['.hidden.png', '.hidden.png'],
    ['e\u0301.jpg', 'é.jpg'],
    ['a'.repeat(251) + '.jpg', 'a'.repeat(251) + '.jpg'],
    ['身'.repeat(83) + '.jpg', '身'.repeat(83) + '.jpg'],
  ])('accepts %j as %j', (name, cleaned) => {
    expect(checkUploadName(name)).toEqual({ ok: true, cleaned });
  });

  it.each<[string, UploadNameReason]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['../../etc/passwd.jpg', 'path_separator'],
    ['/etc/passwd', 'path_separator'],
    ['a\\b.png', 'path_separator'],
    ['C:\\Users\\x.jpg', 'path_separator'],
    ['..', 'dot_segment'],
    ['.', 'dot_segment'],
    ['...', 'dot_segment'],
    ['a..jpg', 'dot_segment'],
    ['a\u0000.jpg', 'control_character'],
    ['a.jpg\u0000.php', 'control_character'],
    ['line\nbreak.png', 'control_character'],
    ['bell\u0007.png', 'control_character'],
    ['del\u007f.png', 'control_character'],
    ['c1\u0085.png', 'control_character'],
    ['invoice\u202egpj.exe', 'bidi_control'],
    ['a\u2066b.png', 'bidi_control'],
    ['a'.repeat(252) + '.jpg', 'too_long'],
    ['身'.repeat(84) + '.jpg', 'too_long'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(checkUploadName(name)).toEqual({ ok: false, code: 'UPLOAD_FILENAME_INVALID', reason });
  });

  it('never accepts a name with a separator, a dot-dot or a control character', () => {
    const bad = fc.constantFrom('/', '\\', '..', '\u0000', '\u001f', '\u007f');
    fc.assert(fc.property(fc.string(), bad, fc.string(), (a, b, c) => !checkUploadName(`${a}${b}${c}x`).ok));
  });

  it('accepts what it cleaned, unchanged, and stays within 255 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (name) => {
        const first = checkUploadName(name);
        if (!first.ok) return true;
        const again = checkUploadName(first.cleaned);
        return (
          again.ok && again.cleaned === first.cleaned && new TextEncoder().encode(first.cleaned).length <= 255
        );
      }),
    );
  });
});
