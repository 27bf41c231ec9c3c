import type { OrderErrorCode } from '@haoma/domain';

/** A refusal of the order workflow, with a stable code the API maps to an HTTP status. */
export class OrderError extends Error {
  constructor(
    readonly code: OrderErrorCode | OrderServiceErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OrderError';
  }
}

/** Codes raised by the order services beyond the workflow's own (ORDER_ERROR_CODES). */
export const ORDER_SERVICE_ERROR_CODES = [
  'NUMBER_NOT_FOUND',
  'NUMBER_UNAVAILABLE',
  'HOLD_LIMIT_REACHED',
  'HOLD_EXTENSION_LIMIT',
  'PLAN_NOT_FOUND',
  'PLAN_NOT_ALLOWED_FOR_GRADE',
  'FEATURE_NOT_FOUND',
  'FEATURES_CONFLICT',
  'AGREEMENT_OUTDATED',
  'ORDER_NOT_EDITABLE',
] as const;
export type OrderServiceErrorCode = (typeof ORDER_SERVICE_ERROR_CODES)[number];
