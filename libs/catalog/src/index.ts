export { FEATURE_SEEDS, PLAN_SEEDS, type FeatureSeed, type PlanSeed } from './catalog.data';
export { allowedGrades, includedMinutes, monthlyMinimumFen } from './plan-terms';
export { seedCatalog, type CatalogSeedResult } from './catalog-seed';
