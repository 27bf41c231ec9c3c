export { appendOutbox } from './outbox';
export { actorLabel, type OrderActor } from './order-actor';
export { OrderError, ORDER_SERVICE_ERROR_CODES, type OrderServiceErrorCode } from './order-errors';
export { transitionOrder, type TransitionCommand, type TransitionResult } from './order-transitions';
export { holdSettingsFrom, type HoldSettings } from './hold-settings';
export { holdNumber, type HoldCommand, type HoldResult } from './order-hold';
export { moveHold, type MoveHoldCommand } from './hold-deadline';
export { extendHold, type ExtendHoldCommand, type ExtendHoldResult } from './hold-extension';
export { chooseSelection, type SelectionCommand, type SelectionResult } from './order-selection';
export { currentAgreements, type CurrentAgreement } from './agreements';
export { signOrder, type AgreementRef, type SignCommand } from './order-signing';
export {
  findOrder,
  InvalidOrderCursorError,
  listOrders,
  type OrderDetail,
  type OrderPage,
  type OrderSignatureView,
  type OrderTimelineEntry,
  type OrderView,
} from './order-queries';
export { decodeOrderCursor, encodeOrderCursor, type OrderCursor } from './order-cursor';
export { isUniqueViolation } from './pg-errors';
export {
  DeadlineExtensionError,
  extendOrderDeadline,
  MAX_DEADLINE_EXTENSION_MS,
  type DeadlineExtensionCommand,
  type DeadlineExtensionResult,
  type ExtendableDeadline,
} from './deadline-extension';
