export * from './numbers';
export * from './search';
