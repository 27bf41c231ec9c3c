export * from './cursor';
export * from './mask';
export * from './number-query';
export * from './parse-query';
export { reachableBlocks } from './query-contradictions';
export * from './query-errors';
export * from './relevance';
export { MAX_PARAMETER_LENGTH, SEARCH_PARAMETERS, type SearchParameter } from './query-parameters';
