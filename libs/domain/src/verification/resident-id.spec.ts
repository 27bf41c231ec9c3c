import fc from 'fast-check';
import { checkResidentId, residentIdCheckCharacter } from './resident-id';

const TODAY = '2026-03-01';
const CHECK_CHARS = '0123456789X'.split('');
/** 17 digits with a real birth date between 1900 and 2020. */
const first17 = fc
  .tuple(
    fc.integer({ min: 110000, max: 659999 }),
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2020-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(
    ([area, birth, seq]) =>
      `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
  );

describe('resident ID (GB 11643, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
  ])('accepts the standard’s example %s', (id, birthDate, sex) => {
    expect(checkResidentId(id, TODAY)).toEqual({ ok: true, idNumber: id, birthDate, sex });
  });

  it('refuses the published invalid example', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toMatchObject({ ok: false, reason: 'ID_CHECK' });
  });

  it.each([
    ['', 'ID_FORMAT'],
    ['11010519491231002', 'ID_FORMAT'],
    ['11010519491231002Y', 'ID_FORMAT'],
    ['1101051949123100X2', 'ID_FORMAT'],
    ['110105194902300025', 'ID_BIRTH_DATE'], // 30 February
    ['110105203001010018', 'ID_BIRTH_DATE'], // in the future
    ['110105179001010013', 'ID_BIRTH_DATE'], // before 1800
  ])('refuses %j with %s', (id, reason) => {
    const first = id.slice(0, 17);
    // Give the date cases a correct check character so only the date is wrong.
    const written = reason === 'ID_BIRTH_DATE' ? `${first}${residentIdCheckCharacter(first)}` : id;
    expect(checkResidentId(written, TODAY)).toMatchObject({ ok: false, reason });
  });

  it('accepts a birth date of today and refuses tomorrow', () => {
    const today = `110105${TODAY.replaceAll('-', '')}001`;
    expect(checkResidentId(`${today}${residentIdCheckCharacter(today)}`, TODAY).ok).toBe(true);
    const tomorrow = '11010520260302001';
    expect(checkResidentId(`${tomorrow}${residentIdCheckCharacter(tomorrow)}`, TODAY)).toMatchObject({
      reason: 'ID_BIRTH_DATE',
    });
  });

  it('normalises a lower-case x, full-width digits and spaces', () => {
    expect(checkResidentId(' 11010519491231002x ', TODAY)).toMatchObject({
      ok: true,
      idNumber: '11010519491231002X',
    });
    expect(checkResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({ ok: true });
  });

  it('has no check character for a malformed prefix', () => {
    expect(residentIdCheckCharacter('1101051949123100')).toBeUndefined();
    expect(residentIdCheckCharacter('1101051949123100A')).toBeUndefined();
  });

  it('property: an ID with its computed check character always validates', () => {
    fc.assert(
      fc.property(first17, (p) => {
        expect(checkResidentId(`${p}${residentIdCheckCharacter(p)}`, TODAY)).toMatchObject({ ok: true });
      }),
    );
  });

  it('property: changing the check character, or any digit to another digit, never validates', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), fc.constantFrom(...CHECK_CHARS), (p, at, replacement) => {
        const id = `${p}${residentIdCheckCharacter(p)}`;
        const r = at === 17 ? replacement : replacement === 'X' ? '0' : replacement;
        fc.pre(id.charAt(at) !== r);
        expect(checkResidentId(`${id.slice(0, at)}${r}${id.slice(at + 1)}`, TODAY).ok).toBe(false);
      }),
    );
  });

  it('property: the sex follows the parity of the 17th digit', () => {
    fc.assert(
      fc.property(first17, (p) => {
        const result = checkResidentId(`${p}${residentIdCheckCharacter(p)}`, TODAY);
        expect(result).toMatchObject({ sex: Number(p.charAt(16)) % 2 ? 'male' : 'female' });
      }),
    );
  });
});
