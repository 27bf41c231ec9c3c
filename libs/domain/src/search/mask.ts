import { NUMBER_LENGTH, NUMBER_PREFIX } from '../numbers/parse';

/**
 * A mask may stand for at most this many fixed-length masks: each costs the index a pass.
 * Once masks covered by another are dropped, 7 free digits allow at most C(7,3) = 35, so
 * this is a guard against a change of those rules rather than a limit users meet.
 */
export const MAX_MASK_EXPANSIONS = 64;

/** Why a mask cannot be searched (a subset of `QUERY_ERROR_CODES`). */
export const MASK_ERROR_CODES = [
  'INVALID_MASK',
  'MASK_TOO_SHORT',
  'MASK_TOO_LONG',
  'MASK_TOO_BROAD',
  'NOT_400',
] as const;
export type MaskErrorCode = (typeof MASK_ERROR_CODES)[number];

/** Thrown by {@link expandMask}; `code` says why. */
export class MaskError extends RangeError {
  constructor(
    readonly code: MaskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MaskError';
  }
}

/** The expansions of a mask, or why there are none. */
export type MaskExpansion =
  | { readonly ok: true; readonly masks: readonly string[] }
  | { readonly ok: false; readonly code: MaskErrorCode; readonly message: string };

const fail = (code: MaskErrorCode, message: string): MaskExpansion => ({ ok: false, code, message });

// Every way to share `free` extra digits among the stars, with `?` for them.
function compositions(segments: readonly string[], free: number, at: number, prefix: string, out: string[]) {
  const head = prefix + (segments[at] ?? '');
  if (at === segments.length - 1) {
    if (free === 0) out.push(head);
    return;
  }
  for (let run = 0; run <= free; run++)
    compositions(segments, free - run, at + 1, head + '?'.repeat(run), out);
}

// The first three characters must accept 4, 0, 0; they are then written as `400`.
function as400(mask: string): string | undefined {
  for (let i = 0; i < NUMBER_PREFIX.length; i++) {
    const char = mask[i];
    if (char !== '?' && char !== NUMBER_PREFIX[i]) return undefined;
  }
  return NUMBER_PREFIX + mask.slice(NUMBER_PREFIX.length);
}

// Whether every number `inner` stands for is also one `outer` stands for: then `inner`
// adds nothing (`*0*8888` reads as `400???8888` through the 0 of 400, which covers the rest).
function covers(outer: string, inner: string): boolean {
  for (let i = 0; i < outer.length; i++) if (outer[i] !== '?' && outer[i] !== inner[i]) return false;
  return true;
}

/** Like {@link expandMask}, but returns the problem instead of throwing. */
export function tryExpandMask(mask: string, maxExpansions = MAX_MASK_EXPANSIONS): MaskExpansion {
  if (!/^[0-9?*]+$/.test(mask)) {
    return fail('INVALID_MASK', 'A mask has digits, ? for one digit and * for any run of digits.');
  }
  const segments = mask.replace(/\*+/g, '*').split('*');
  const fixed = segments.reduce((sum, segment) => sum + segment.length, 0);
  if (fixed > NUMBER_LENGTH) {
    return fail('MASK_TOO_LONG', `A mask stands for 10 digits; this one fixes ${fixed}.`);
  }
  if (segments.length === 1 && fixed < NUMBER_LENGTH) {
    return fail('MASK_TOO_SHORT', `A mask without * must have 10 digits or ?; this one has ${fixed}.`);
  }
  const all: string[] = [];
  compositions(segments, NUMBER_LENGTH - fixed, 0, '', all);
  const distinct = [...new Set(all.map(as400).filter((m): m is string => m !== undefined))];
  const masks = distinct.filter((mask) => !distinct.some((other) => other !== mask && covers(other, mask)));
  if (masks.length === 0) return fail('NOT_400', 'No number the mask stands for starts with 400.');
  if (masks.length > maxExpansions) {
    return fail(
      'MASK_TOO_BROAD',
      `The mask can be read ${masks.length} ways (at most ${maxExpansions}); fix more digits or use fewer *.`,
    );
  }
  return { ok: true, masks };
}

/**
 * Expands a whole-number glob (`?` one digit, `*` any run of digits, possibly empty) into
 * the 10-character masks it stands for, with `?` for free digits and the first three
 * written as `400`, none covering another: `400*88*8888` → `400?888888`, `40088?8888`; `*8888` → `400???8888`.
 * A number matches the glob exactly when it matches one of them.
 * @throws MaskError with the code of `tryExpandMask`'s failure.
 */
export function expandMask(mask: string): string[] {
  const result = tryExpandMask(mask);
  if (!result.ok) throw new MaskError(result.code, result.message);
  return [...result.masks];
}
