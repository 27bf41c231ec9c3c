import { createApiClient } from '../api/client';
import type { Feature, Plan } from './selection';
import { unwrap, useLoad, type Loaded } from './use-load';

export interface Catalog {
  readonly plans: Plan[];
  readonly features: Feature[];
}

let cached: Promise<Catalog> | undefined;

async function loadCatalog(): Promise<Catalog> {
  const api = createApiClient();
  const [plans, features] = await Promise.all([
    unwrap(api.GET('/api/v1/plans')),
    unwrap(api.GET('/api/v1/features')),
  ]);
  return { plans: plans.plans, features: features.features };
}

/** The plans and features on sale, loaded once per visit (a failed load is tried again). */
export function useCatalog(): Loaded<Catalog> {
  return useLoad('catalog', () => {
    cached ??= loadCatalog().catch((e: unknown) => {
      cached = undefined;
      throw e;
    });
    return cached;
  });
}
