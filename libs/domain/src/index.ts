export * from './numbers';
export * from './search';
export * from './orders';
