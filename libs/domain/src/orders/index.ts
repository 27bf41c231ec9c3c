export * from './order-workflow';
export * from './order-guards';
export * from './pricing';
