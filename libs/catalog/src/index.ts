export { FEATURE_SEEDS, PLAN_SEEDS, type FeatureSeed, type PlanSeed } from './catalog.data';
export { allowedGrades, includedMinutes, monthlyMinimumFen } from './plan-terms';
export { seedCatalog, type CatalogSeedResult } from './catalog-seed';
export { AGREEMENT_SEEDS, type AgreementSeed } from './agreements.data';
export { agreementSha256, seedAgreements } from './agreement-seed';
export {
  CATALOG_ADMIN_ERROR_CODES,
  CATALOG_KINDS,
  CatalogAdminError,
  listCatalogVersions,
  publishAgreementVersion,
  publishFeatureVersion,
  publishPlanVersion,
  retireCatalogCode,
  type CatalogAdminErrorCode,
  type CatalogKind,
  type CatalogVersion,
  type NewAgreementVersion,
  type NewFeatureVersion,
  type NewPlanVersion,
} from './catalog-versions';
