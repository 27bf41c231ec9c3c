import type { AppConfig } from '@haoma/config';

/** The hold rules an order service applies (from the validated config). */
export interface HoldSettings {
  /** How long a new hold lasts, in ms. */
  holdTtlMs: number;
  /** How much one extension adds to the current deadline, in ms. */
  extensionMs: number;
  /** Extensions allowed per order. */
  maxExtensions: number;
  /** Live holds (unpaid orders whose hold has not run out) one customer may have at once. */
  maxHolds: number;
}

/** Reads the hold rules from the app config (HOLD_TTL, HOLD_EXTENSION, HOLD_MAX_EXTENSIONS, MAX_HOLDS). */
export function holdSettingsFrom(config: AppConfig): HoldSettings {
  return {
    holdTtlMs: config.HOLD_TTL,
    extensionMs: config.HOLD_EXTENSION,
    maxExtensions: config.HOLD_MAX_EXTENSIONS,
    maxHolds: config.MAX_HOLDS,
  };
}
