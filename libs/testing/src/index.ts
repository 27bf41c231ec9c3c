export {
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  createTestDatabase,
  dropDatabase,
  type TestDatabase,
} from './test-database';
export { testConfig } from './test-config';
export {
  decodeForm,
  startStripeStandIn,
  type RecordedStripeRequest,
  type SignedDelivery,
  type StandInRefund,
  type StandInSession,
  type StripeStandIn,
} from './stripe-stand-in';
export { killWorker, startWorker, workerEnv, type WorkerProcess } from './worker-process';
export {
  insertCustomer,
  insertDocument,
  insertDossier,
  insertDossierVersion,
  insertLiveService,
  nextServiceNumber,
  numberStatus,
  placeOrder,
  serviceEvents,
  serviceRow,
  type DocumentOptions,
  type DossierOptions,
  type InsertedDossier,
  type LiveService,
  type LiveServiceOptions,
  type PlaceOrderOptions,
  type PlacedOrderStatus,
  type ServiceRow,
} from './live-service.fixtures';
export { concat, PNG_SIGNATURE, sampleJpeg, samplePdf, samplePng } from './document-samples';
export {
  CHROMIUM_PATH,
  ensureWebAppBuilt,
  launchBrowser,
  openPage,
  screenshot,
  SCREENSHOT_DIR,
  VIEWPORTS,
  type ViewportName,
} from './browser';
export { runCli, startApiProcess, type ApiProcess } from './api-process';
