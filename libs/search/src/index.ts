export { WINDOW_SPACE, windowOf, numberOfWindow, type IndexedNumber, type IndexRow } from './index-row';
export {
  NumberIndex,
  NumberIndexBuilder,
  type NumberIndexOptions,
  type NumberSearchResult,
  type SearchExplanation,
  type SearchOptions,
} from './number-index';
export { DENSE_LOOKUP_FROM } from './segment-builder';
export {
  DEFAULT_PLANNER,
  SEARCH_PLANS,
  type PlannerSettings,
  type SearchPath,
  type SearchPlan,
} from './segment-search';
