export { createCarrierApplication } from './carrier-applications';
export {
  CARRIER_GATEWAY,
  CarrierRequestError,
  CarrierUnavailableError,
  type CarrierApplicationRequest,
  type CarrierApplicationState,
  type CarrierGateway,
} from './carrier-gateway';
export type { ApiApplication, ApiError, ApiLine } from './carrier-api';
export { carrierRetryDelay } from './carrier-backoff';
export { CARRIER_SANDBOX, CarrierModule, SandboxCarrierLifecycle } from './carrier.module';
export { HttpCarrierGateway, type HttpCarrierGatewayOptions } from './http-carrier.gateway';
export {
  SANDBOX_REJECTION_REASONS,
  sandboxApiKey,
  startSandboxCarrier,
  type SandboxApplicationView,
  type SandboxCarrier,
  type SandboxCarrierOptions,
  type SandboxCarrierStats,
} from './sandbox-carrier.server';
export { buildApplicationRequest, type ApplicationSource } from './carrier-application-request';
export {
  abandonApplication,
  activateApplication,
  CARRIER_ACTOR,
  carrierRejectionText,
  rejectApplication,
  type CarrierDecisionOutcome,
} from './carrier-outcomes';
