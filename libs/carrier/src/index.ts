export { createCarrierApplication } from './carrier-applications';
