import { normaliseCode } from './normalise-code';

// GB 11643 / ISO 7064 MOD 11-2 weights of the first 17 digits, and the check per remainder.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECKS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
/**
 * Birth years before this are refused. Not 1900: the standard's own valid example
 * (440524188001010014) was born in 1880, and a published valid example must validate.
 */
const EARLIEST_BIRTH_YEAR = 1800;

export type ResidentIdFailure = 'ID_FORMAT' | 'ID_CHECK' | 'ID_BIRTH_DATE';

export type ResidentIdCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: ResidentIdFailure; idNumber: string };

/** The check character of a resident ID's first 17 digits; undefined when they are not 17 digits. */
export function residentIdCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECKS.charAt(sum % 11);
}

/** `YYYY-MM-DD` when the 8 digits are a real calendar date, else undefined. */
function calendarDate(yyyymmdd: string): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Checks an 18-character resident ID (居民身份证号码) as typed: shape, check character, and a
 * birth date that is a real date, not in the future (after `today`, `YYYY-MM-DD`) and not
 * before 1900. A valid one gives the birth date and the sex (odd sequence: male).
 */
export function checkResidentId(text: string, today: string): ResidentIdCheck {
  const idNumber = normaliseCode(text);
  if (!SHAPE.test(idNumber)) return { ok: false, reason: 'ID_FORMAT', idNumber };
  if (residentIdCheckCharacter(idNumber.slice(0, 17)) !== idNumber.charAt(17))
    return { ok: false, reason: 'ID_CHECK', idNumber };
  const birthDate = calendarDate(idNumber.slice(6, 14));
  if (!birthDate || birthDate > today || Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR)
    return { ok: false, reason: 'ID_BIRTH_DATE', idNumber };
  const sex = Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, idNumber, birthDate, sex };
}
