import { normaliseCode } from './normalise-code';

/** The 31 characters a USCC is written in (GB 32100-2015): no I, O, S, V or Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// w[i] = 3^i mod 31, for the 17 characters before the check character.
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

const SHAPE = new RegExp(`^[${USCC_ALPHABET}]{18}$`);
const AREA = /^\d{6}$/;

export type UsccFailure = 'USCC_FORMAT' | 'USCC_AREA' | 'USCC_CHECK';

export type UsccCheck = { ok: true; uscc: string } | { ok: false; reason: UsccFailure; uscc: string };

/**
 * The check character of a USCC's first 17 characters: r = 31 − (Σ value·weight mod 31),
 * and r = 31 is written `0` (the case many copied snippets miss). Undefined when `first17`
 * is not 17 characters of the alphabet.
 */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const r = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(r === 31 ? 0 : r);
}

/**
 * Checks a 统一社会信用代码 as typed (normalised first). The reason tells a malformed code
 * (`USCC_FORMAT`, `USCC_AREA`: positions 3–8 must be the digits of an area code) from one
 * that only fails its check character (`USCC_CHECK`) — real pilot-era codes do, so callers
 * flag that one for manual review instead of refusing it.
 */
export function checkUscc(text: string): UsccCheck {
  const uscc = normaliseCode(text);
  if (!SHAPE.test(uscc)) return { ok: false, reason: 'USCC_FORMAT', uscc };
  if (!AREA.test(uscc.slice(2, 8))) return { ok: false, reason: 'USCC_AREA', uscc };
  if (usccCheckCharacter(uscc.slice(0, 17)) !== uscc.charAt(17))
    return { ok: false, reason: 'USCC_CHECK', uscc };
  return { ok: true, uscc };
}
