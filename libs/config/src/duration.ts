import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds in a duration written `<integer><unit>` with unit ms, s, m, h or d (`30m`, `90s`). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** A zod field for a duration variable, parsed to milliseconds and kept within [min, max]. */
export function durationMs(defaultText: string, min: string, max: string) {
  const minMs = parseDuration(min);
  const maxMs = parseDuration(max);
  if (minMs === undefined || maxMs === undefined) throw new Error(`bad bounds ${min}, ${max}`);
  return z
    .string()
    .default(defaultText)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a duration such as 90s, 30m, 12h or 15d' });
        return z.NEVER;
      }
      if (ms < minMs || ms > maxMs) {
        ctx.addIssue({ code: 'custom', message: `between ${min} and ${max}` });
        return z.NEVER;
      }
      return ms;
    });
}

/**
 * A zod field for a comma-separated list of durations (`7d,3d,1d`), parsed to milliseconds,
 * longest first and without repeats; an empty string is an empty list (no reminders).
 */
export function durationList(defaultText: string) {
  return z
    .string()
    .default(defaultText)
    .transform((text, ctx) => {
      const parts = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const values: number[] = [];
      for (const part of parts) {
        const ms = parseDuration(part);
        if (ms === undefined || ms <= 0) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not a positive duration such as 7d or 12h` });
          return z.NEVER;
        }
        values.push(ms);
      }
      return [...new Set(values)].sort((a, b) => b - a);
    });
}
