export {
  importNumbers,
  DEFAULT_BATCH_LINES,
  type ImportOptions,
  type ImportSource,
  type ImportSummary,
} from './import-numbers';
export type { ImportLine, ImportProgress } from './import-pipeline';
export { MAX_KEPT_REJECTIONS, type ImportCounts, type ImportRejection } from './import-runs';
export { INVENTORY_IMPORT_LOCK } from './import-setup';
export {
  readNumberLines,
  countNumberLines,
  splitCsvCells,
  MAX_LINE_LENGTH,
  type NumberLine,
  type NumberLineSource,
} from './number-lines';
export { generateNumbers, BLOCK_SIZE, type GenerateNumbersOptions } from './generate-numbers';
export { NumberBitset, NUMBER_SPACE_SIZE, numberIndex } from './number-bitset';
export {
  createProgressReporter,
  formatProgress,
  formatCount,
  formatDuration,
  type ProgressReporter,
  type ProgressReporterOptions,
  type ProgressStream,
} from './progress-reporter';
export { importNumbersInWorker, IMPORT_WORKER_LIMITS, type WorkerImportSource } from './import-in-worker';
export {
  INVENTORY_ADMIN_ERROR_CODES,
  InventoryAdminError,
  type InventoryAdminErrorCode,
} from './inventory-admin-errors';
export {
  checkImportFile,
  cleanSourceName,
  failImport,
  findImport,
  IMPORT_UPLOAD_MAX_BYTES,
  importStorageKey,
  listImports,
  newImportId,
  queueImport,
  runUploadedImport,
  UPLOAD_BATCH_LINES,
  type ImportView,
  type UploadedImportOutcome,
} from './import-upload';
export {
  clearNumberFee,
  overrideNumberFee,
  releaseHold,
  retireNumber,
  unretireNumber,
  type AdminNumberView,
  type NumberAdminCommand,
} from './number-admin';
export { createRuleSet, listRuleSets, loadRuleSet, type GradingRuleSetView } from './grading-rule-sets';
export {
  activateRuleSet,
  failRegradeRun,
  findRegradeRun,
  listRegradeRuns,
  REGRADABLE_STATUSES,
  REGRADE_BATCH_SIZE,
  runRegrade,
  type RegradeOptions,
  type RegradeOutcome,
  type RegradeRunView,
} from './regrade';
