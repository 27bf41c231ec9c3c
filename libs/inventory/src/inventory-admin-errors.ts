/** Refusals of the inventory administration (imports, price overrides, retirement, holds, re-grades). */
export const INVENTORY_ADMIN_ERROR_CODES = [
  'IMPORT_NOT_FOUND',
  'IMPORT_FILE_INVALID',
  'REGRADE_IN_PROGRESS',
  'REGRADE_NOT_FOUND',
  'GRADING_RULES_INVALID',
  'NUMBER_NOT_FOUND',
  'NUMBER_NOT_RETIRABLE',
  'NUMBER_NOT_HELD',
  'CONFLICT',
] as const;
export type InventoryAdminErrorCode = (typeof INVENTORY_ADMIN_ERROR_CODES)[number];

/** A refusal with a stable code; `details` carries machine-readable context (e.g. the rule problems). */
export class InventoryAdminError extends Error {
  constructor(
    readonly code: InventoryAdminErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'InventoryAdminError';
  }
}
