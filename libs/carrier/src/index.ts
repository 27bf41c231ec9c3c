export { createCarrierApplication } from './carrier-applications';
export {
  CARRIER_GATEWAY,
  CarrierRequestError,
  CarrierUnavailableError,
  type CarrierApplicationRequest,
  type CarrierApplicationState,
  type CarrierGateway,
} from './carrier-gateway';
