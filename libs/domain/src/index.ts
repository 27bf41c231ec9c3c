export * from './numbers';
export * from './search';
export * from './orders';
export * from './accounts';
export * from './payments';
export * from './verification';
export * from './services';
export * from './documents';
